import type { Metadata } from "next";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { StateIndexTable, StateSortLinks } from "@/components/reports/state-index-table";
import { readReportFilters, readScoreSort, type SearchParams } from "@/components/url-params";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";

export const metadata: Metadata = { title: "State report cards" };

/** Public: the States of the chosen group with their score, each opening its report card. */
export default async function StateReportsIndex({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const sort = readScoreSort(params.sort);
  const caller = await getServerCaller();
  const [matrix, options] = await Promise.all([caller.reports.matrix({ ...filters, sort, columnLimit: 0 }), readReportOptions(caller)]);
  return (
    <ReportPage
      section="/reports/states"
      title="State report cards"
      lead="Each State’s score is the mean accepted progress of its commitments. Choose a State to open its report card."
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
