import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { CalendarDate } from "@/components/ui/dates";
import { statusColumns } from "@/components/reports/status-cells";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { DistributionFigure, odihrRows } from "@/components/reports/charts/distribution-figure";
import { FigureTiles } from "@/components/reports/charts/figure-tiles";
import { statusColor } from "@/components/reports/charts/chart-palette";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export type RecommendationReportData = inferRouterOutputs<AppRouter>["reports"]["recommendation"];
type StateRow = RecommendationReportData["states"][number];

/** What the recommendation says and where it comes from. */
export function RecommendationFacts({ recommendation }: { recommendation: RecommendationReportData["recommendation"] }) {
  return (
    <section className="card recommendation-facts" aria-labelledby="recommendation-facts-title">
      <h2 id="recommendation-facts-title" className="visually-hidden">
        The recommendation
      </h2>
      <p className="recommendation-text">{recommendation.text}</p>
      <dl className="facts">
        <dt>Source</dt>
        <dd>{recommendation.source.title}</dd>
        <dt>Themes</dt>
        <dd>{recommendation.themes.length ? recommendation.themes.map((theme) => theme.label).join(", ") : "None"}</dd>
        <dt>Due date</dt>
        <dd>{recommendation.dueDate ? <CalendarDate value={recommendation.dueDate} /> : "No due date"}</dd>
      </dl>
    </section>
  );
}

/** The figures, the two distributions, the overdue States and every State's status. */
export function RecommendationReportBody({ report, filters }: { report: RecommendationReportData; filters: ReportFilterValues }) {
  if (report.states.length === 0) {
    return (
      <EmptyState title="No States match these filters.">
        This recommendation is not addressed to any State of the chosen group, or was published after the “As of” date. Choose another group
        of States or a later date.
      </EmptyState>
    );
  }
  const statusRows = report.distribution.map((entry, index) => ({ key: entry.key, label: entry.label, count: entry.count, color: statusColor(entry.key, index) }));
  return (
    <>
      <section aria-labelledby="recommendation-figures-title">
        <h2 id="recommendation-figures-title">Figures</h2>
        <FigureTiles figures={report.figures} unit="States" />
      </section>
      <div className="chart-grid">
        <DistributionFigure id="by-status" title="States by status" categoryHeader="Status" unit="States" rows={statusRows} />
        <DistributionFigure id="by-odihr" title="States by ODIHR level" categoryHeader="ODIHR level" unit="States" rows={odihrRows(report.figures.byOdihr)} />
      </div>
      <RecommendationOverdue report={report} filters={filters} />
      <RecommendationStatesTable states={report.states} filters={filters} reference={report.recommendation.reference} />
    </>
  );
}

function RecommendationOverdue({ report, filters }: { report: RecommendationReportData; filters: ReportFilterValues }) {
  return (
    <section aria-labelledby="recommendation-overdue-title">
      <h2 id="recommendation-overdue-title">Overdue States</h2>
      {report.overdue.length === 0 ? (
        <p>No State is overdue: every State whose due date has passed has an accepted update.</p>
      ) : (
        <>
          <p>
            {report.overdue.length} of {report.states.length} States are overdue: the due date has passed and no update has been accepted.
          </p>
          <ul className="report-inline-list">
            {report.overdue.map((state) => (
              <li key={state.stateId}>
                <StateReportLink state={state} filters={filters} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NoteCell({ state }: { state: StateRow }) {
  if (!state.note && state.evidence.length === 0) return <span className="muted">No note</span>;
  return (
    <>
      {state.note ? <p className="report-note">{state.note}</p> : null}
      {state.evidence.length ? (
        <ul className="evidence-list" aria-label={`Public evidence of ${state.name}`}>
          {state.evidence.map((link, index) => (
            <li key={`${index}-${link.url}`}>
              <a href={link.url} rel="noopener noreferrer">
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function RecommendationStatesTable({ states, filters, reference }: { states: StateRow[]; filters: ReportFilterValues; reference: string }) {
  return (
    <section aria-labelledby="recommendation-states-title">
      <h2 id="recommendation-states-title">States ({states.length})</h2>
      <DataTable
        caption={`Status of ${reference} in each State`}
        rows={states}
        rowKey={(state) => state.stateId}
        columns={[
          { key: "state", header: "State", rowHeader: true, cell: (state) => <StateReportLink state={state} filters={filters} /> },
          ...statusColumns<StateRow>(
            (state) => ({ ...state, progressLabel: `Progress of ${state.name}`, lastAcceptedAt: state.acceptedAt }),
            "Last accepted",
          ),
          { key: "note", header: "Last note and public evidence", className: "report-note-cell", cell: (state) => <NoteCell state={state} /> },
        ]}
      />
    </section>
  );
}

/** A State's report card, for the same filters (the card covers the State whatever the group). */
function StateReportLink({ state, filters }: { state: { stateId: string; name: string }; filters: ReportFilterValues }) {
  return <Link href={`/reports/states/${state.stateId}${reportQuery({ ...filters, stateGroup: "participating" })}`}>{state.name}</Link>;
}
