import { getTranslations } from "next-intl/server";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { reportMetadata } from "@/components/reports/report-metadata";
import { RecommendationIndexTable } from "@/components/reports/recommendation-index-table";
import { readReportFilters, type SearchParams } from "@/components/url-params";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";

export const generateMetadata = reportMetadata("recommendations");

/** Public: the published recommendations of the filters, each opening its report. */
export default async function RecommendationReportsIndex({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [matrix, options, t] = await Promise.all([caller.reports.matrix(filters), readReportOptions(caller), getTranslations("reports.recommendations")]);
  return (
    <ReportPage
      section="/reports/recommendations"
      title={t("title")}
      lead={t("lead")}
      filters={filters}
      options={options}
      notes={["counted", "meanProgress", "shareImplemented", "asOf"]}
    >
      <RecommendationIndexTable recommendations={matrix.recommendations} filters={filters} />
    </ReportPage>
  );
}
