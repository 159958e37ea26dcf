import type { Metadata } from "next";
import { getServerCaller } from "@/server/api/server-caller";
import { ExportLinks } from "@/components/reports/export-links";
import { FigureNotes } from "@/components/reports/figure-notes";
import { OverdueList } from "@/components/reports/overdue-list";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";
import { CalendarDate } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { OVERDUE_PER_STATE } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const metadata: Metadata = { title: "Overdue commitments" };

// Public: overdue is computed from published recommendations and accepted statuses only.
export default async function OverduePage({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [report, sources, themes] = await Promise.all([caller.reports.overdue({ ...filters, perState: OVERDUE_PER_STATE }), caller.sources.list(), caller.recommendations.themes()]);

  return (
    <>
      <ReportsNav current="/reports/overdue" filters={filters} />
      <h1>Overdue commitments</h1>
      <p className="muted">Commitments whose due date has passed without an update accepted by the secretariat, by State.</p>
      <ReportFilters
        values={filters}
        sources={sources.map((source) => ({ id: source.id, title: source.title }))}
        themes={themes.map((theme) => ({ key: theme.key, label: theme.label }))}
      />
      <ExportLinks report="overdue" filters={filters} />
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
      <FigureNotes keys={["overdue"]} />
    </>
  );
}
