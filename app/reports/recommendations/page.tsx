import type { Metadata } from "next";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { RecommendationIndexTable } from "@/components/reports/recommendation-index-table";
import { readReportFilters, type SearchParams } from "@/components/url-params";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";

export const metadata: Metadata = { title: "Reports by recommendation" };

/** Public: the published recommendations of the filters, each opening its report. */
export default async function RecommendationReportsIndex({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [matrix, options] = await Promise.all([caller.reports.matrix(filters), readReportOptions(caller)]);
  return (
    <ReportPage
      section="/reports/recommendations"
      title="Reports by recommendation"
      lead="Choose a recommendation to see how far each State has implemented it."
      filters={filters}
      options={options}
      notes={["counted", "meanProgress", "shareImplemented", "asOf"]}
    >
      <RecommendationIndexTable recommendations={matrix.recommendations} filters={filters} />
    </ReportPage>
  );
}
