import { getTranslations } from "next-intl/server";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { reportMetadata } from "@/components/reports/report-metadata";
import { StateIndexTable, StateSortLinks } from "@/components/reports/state-index-table";
import { readReportFilters, readScoreSort, type SearchParams } from "@/components/url-params";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";

export const generateMetadata = reportMetadata("states");

/** Public: the States of the chosen group with their score, each opening its report card. */
export default async function StateReportsIndex({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const sort = readScoreSort(params.sort);
  const caller = await getServerCaller();
  const [matrix, options, t] = await Promise.all([
    caller.reports.matrix({ ...filters, sort, columnLimit: 0 }),
    readReportOptions(caller),
    getTranslations("reports.states"),
  ]);
  return (
    <ReportPage
      section="/reports/states"
      title={t("title")}
      lead={t("lead")}
      filters={filters}
      options={options}
      hidden={sort === "score" ? { sort } : {}}
      tools={matrix.states.length === 0 ? null : <StateSortLinks sort={sort} filters={filters} />}
      notes={["counted", "meanProgress", "shareImplemented", "asOf"]}
    >
      <StateIndexTable states={matrix.states} filters={filters} />
    </ReportPage>
  );
}
