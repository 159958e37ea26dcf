import type { Metadata } from "next";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { EmptyState } from "@/components/ui/empty-state";
import { FigureNotes } from "@/components/reports/figure-notes";
import { RecommendationIndexTable } from "@/components/reports/recommendation-index-table";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";

export const metadata: Metadata = { title: "Reports by recommendation" };

/** Public: the published recommendations of the filters, each opening its report. */
export default async function RecommendationReportsIndex({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [matrix, sources, themes] = await Promise.all([caller.reports.matrix(filters), caller.sources.list(), caller.recommendations.themes()]);
  return (
    <>
      <ReportsNav current="/reports/recommendations" filters={filters} />
      <h1>Reports by recommendation</h1>
      <p className="muted">Choose a recommendation to see how far each State has implemented it.</p>
      <ReportFilters values={filters} sources={sources} themes={themes} />
      {matrix.recommendations.length === 0 ? (
        <EmptyState title="No published recommendations match these filters.">Choose another source, theme or group of States, or a later “As of” date.</EmptyState>
      ) : (
        <RecommendationIndexTable recommendations={matrix.recommendations} filters={filters} />
      )}
      <FigureNotes keys={["counted", "meanProgress", "shareImplemented", "asOf"]} />
    </>
  );
}
