import type { Metadata } from "next";
import { getServerCaller } from "@/server/api/server-caller";
import { OverdueList } from "@/components/reports/overdue-list";
import { readReportFilters, type SearchParams } from "@/components/url-params";
import { CalendarDate } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";
import { OVERDUE_PER_STATE } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const metadata: Metadata = { title: "Overdue commitments" };

// Public: overdue is computed from published recommendations and accepted statuses only.
export default async function OverduePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [report, options] = await Promise.all([caller.reports.overdue({ ...filters, perState: OVERDUE_PER_STATE }), readReportOptions(caller)]);

  return (
    <ReportPage
      section="/reports/overdue"
      title="Overdue commitments"
      lead="Commitments whose due date has passed without an update accepted by the secretariat, by State."
      filters={filters}
      options={options}
      downloads={{ report: "overdue" }}
      notes={["overdue"]}
    >
      {report.total === 0 ? (
        <EmptyState title="No commitments are overdue for these filters.">
          To look ahead, choose a later &ldquo;As of&rdquo; date; or choose another source, theme or group of States.
        </EmptyState>
      ) : (
        <>
          <p className="overdue-summary">
            <strong>{report.total}</strong> {report.total === 1 ? "commitment is" : "commitments are"} overdue in <strong>{report.states.length}</strong>{" "}
            {report.states.length === 1 ? "State" : "States"} as of <CalendarDate value={report.asOf} />.
          </p>
          <OverdueList states={report.states} filters={filters} />
        </>
      )}
    </ReportPage>
  );
}
