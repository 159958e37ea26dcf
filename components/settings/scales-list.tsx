import Link from "next/link";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

type Scale = inferRouterOutputs<AppRouter>["scales"]["list"][number];

/** Every status scale, its statuses in order, with a way to create one. */
export function ScalesList({ scales }: { scales: Scale[] }) {
  const t = useTranslations("settings.scales");
  const labels = useReferenceLabels();
  return (
    <section className="stack">
      <div className="settings-heading">
        <h1>{t("title")}</h1>
        <Link href="/admin/scales/new" className="button">
          {t("new")}
        </Link>
      </div>
      <p className="muted">{t("intro")}</p>
      <CountLine className="muted">{t("count", { count: scales.length })}</CountLine>
      <DataTable
        caption={t("tableCaption")}
        rows={scales}
        rowKey={(scale) => scale.id}
        empty={<EmptyState title={t("empty")} />}
        columns={[
          {
            key: "name",
            header: t("name"),
            rowHeader: true,
            cell: (scale) => (
              <>
                <Link href={`/admin/scales/${scale.id}`}>{scale.name}</Link>
                {scale.isDefault ? <div className="muted">{t("default")}</div> : null}
              </>
            ),
          },
          {
            key: "statuses",
            header: t("statuses"),
            cell: (scale) => (
              <ol className="settings-statuses">
                {scale.statuses.map((status) => (
                  <li key={status.id}>{labels.status(status)}</li>
                ))}
              </ol>
            ),
          },
          { key: "description", header: t("description"), cell: (scale) => scale.description ?? "" },
        ]}
      />
    </section>
  );
}
