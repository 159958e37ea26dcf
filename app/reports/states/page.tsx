import type { Metadata } from "next";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { EmptyState } from "@/components/ui/empty-state";
import { FigureNotes } from "@/components/reports/figure-notes";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";
import { StateIndexTable, StateSortLinks, type StateSort } from "@/components/reports/state-index-table";

export const metadata: Metadata = { title: "State report cards" };

/** Public: the States of the chosen group with their score, each opening its report card. */
export default async function StateReportsIndex({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const sort: StateSort = params.sort === "score" ? "score" : "name";
  const caller = await getServerCaller();
  const [matrix, sources, themes] = await Promise.all([caller.reports.matrix({ ...filters, sort, columnLimit: 0 }), caller.sources.list(), caller.recommendations.themes()]);
  return (
    <>
      <ReportsNav current="/reports/states" filters={filters} />
      <h1>State report cards</h1>
      <p className="muted">Each State’s score is the mean accepted progress of its commitments. Choose a State to open its report card.</p>
      <ReportFilters values={filters} sources={sources} themes={themes} hidden={sort === "score" ? { sort } : {}} />
      {matrix.states.length === 0 ? (
        <EmptyState title="No State has commitments that match these filters.">Choose another source, theme or group of States, or a later “As of” date.</EmptyState>
      ) : (
        <>
          <StateSortLinks sort={sort} filters={filters} />
          <StateIndexTable states={matrix.states} filters={filters} />
        </>
      )}
      <FigureNotes keys={["counted", "meanProgress", "shareImplemented", "asOf"]} />
    </>
  );
}
