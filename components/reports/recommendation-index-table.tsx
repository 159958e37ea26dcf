import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { figureColumns } from "@/components/reports/figure-columns";

type Recommendation = inferRouterOutputs<AppRouter>["reports"]["matrix"]["recommendations"][number];

/** The published recommendations of the filters, each linking to its report. */
export function RecommendationIndexTable({ recommendations, filters }: { recommendations: Recommendation[]; filters: ReportFilterValues }) {
  return (
    <DataTable
      caption={`Published recommendations (${recommendations.length})`}
      label="Published recommendations"
      rows={recommendations}
      rowKey={(recommendation) => recommendation.id}
      empty={<EmptyState title="No published recommendations match these filters.">Choose another source, theme or group of States, or a later “As of” date.</EmptyState>}
      columns={[
        {
          key: "reference",
          header: "Reference",
          rowHeader: true,
          cell: (recommendation) => <Link href={`/reports/recommendations/${recommendation.id}${reportQuery(filters)}`}>{recommendation.reference}</Link>,
        },
        {
          key: "text",
          header: "Recommendation",
          className: "report-text-cell",
          cell: (recommendation) => `${recommendation.text}${recommendation.text.length >= 160 ? "…" : ""}`,
        },
        ...figureColumns<Recommendation>({ commitments: "States", meanProgress: "Mean progress", shareImplemented: "Share implemented" }),
      ]}
    />
  );
}
