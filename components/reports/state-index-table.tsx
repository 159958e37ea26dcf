import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { figureColumns } from "@/components/reports/figure-columns";

type State = inferRouterOutputs<AppRouter>["reports"]["matrix"]["states"][number];
export type StateSort = "name" | "score";

/** Links that re-sort the list, keeping the filters; the current order is marked for screen readers too. */
export function StateSortLinks({ sort, filters }: { sort: StateSort; filters: ReportFilterValues }) {
  const t = useTranslations("reports.states");
  const options: { value: StateSort; label: string }[] = [
    { value: "name", label: t("sortName") },
    { value: "score", label: t("sortScore") },
  ];
  return (
    <p className="sort-links">
      {t("sortBy")}{" "}
      {options.map((option, index) => (
        <span key={option.value}>
          {index > 0 ? " · " : null}
          <Link href={`/reports/states${reportQuery(filters, { sort: option.value === "name" ? undefined : option.value })}`} aria-current={sort === option.value ? "true" : undefined}>
            {option.label}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** The States of the chosen group with their score, each linking to its report card. */
export function StateIndexTable({ states, filters }: { states: State[]; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const labels = useReferenceLabels();
  return (
    <DataTable
      caption={t("states.tableCaption", { count: states.length })}
      label={t("states.tableLabel")}
      rows={states}
      rowKey={(state) => state.id}
      empty={<EmptyState title={t("states.emptyTitle")}>{t("filters.tryOthers")}</EmptyState>}
      columns={[
        {
          key: "state",
          header: t("figures.state"),
          rowHeader: true,
          cell: (state) => <Link href={`/reports/states/${state.id}${reportQuery(filters)}`}>{labels.state(state)}</Link>,
        },
        ...figureColumns<State>(
          {
            commitments: t("figures.commitments"),
            counted: t("figures.counted"),
            meanProgress: t("figures.score"),
            shareImplemented: t("figures.shareImplemented"),
          },
          locale,
        ),
      ]}
    />
  );
}
