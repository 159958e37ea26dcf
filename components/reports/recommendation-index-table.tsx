import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { figureColumns } from "@/components/reports/figure-columns";

type Recommendation = inferRouterOutputs<AppRouter>["reports"]["matrix"]["recommendations"][number];

/** The published recommendations of the filters, each linking to its report. */
export function RecommendationIndexTable({ recommendations, filters }: { recommendations: Recommendation[]; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  return (
    <DataTable
      caption={t("recommendations.tableCaption", { count: recommendations.length })}
      label={t("recommendations.tableLabel")}
      rows={recommendations}
      rowKey={(recommendation) => recommendation.id}
      empty={<EmptyState title={t("recommendations.emptyTitle")}>{t("filters.tryOthers")}</EmptyState>}
      columns={[
        {
          key: "reference",
          header: t("figures.reference"),
          rowHeader: true,
          cell: (recommendation) => <Link href={`/reports/recommendations/${recommendation.id}${reportQuery(filters)}`}>{recommendation.reference}</Link>,
        },
        {
          key: "text",
          header: t("figures.recommendation"),
          className: "report-text-cell",
          cell: (recommendation) => `${recommendation.text}${recommendation.text.length >= 160 ? "…" : ""}`,
        },
        ...figureColumns<Recommendation>(
          { commitments: t("figures.states"), meanProgress: t("figures.meanProgress"), shareImplemented: t("figures.shareImplemented") },
          locale,
        ),
      ]}
    />
  );
}
