import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { CalendarDate } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";

export type OverdueState = {
  stateId: string;
  name: string;
  iso2: string;
  /** All of the State's overdue commitments; `commitments` may hold only the earliest due. */
  total: number;
  commitments: { commitmentId: string; recommendationId: string; reference: string; text: string; dueDate: string; status: { key: string; label: string }; progress: number }[];
};

const countText = (count: number) => `(${count} overdue)`;

/** Overdue commitments, one section per State: a heading with the count, then a table. */
export function OverdueList({ states, filters }: { states: OverdueState[]; filters: ReportFilterValues }) {
  const query = reportQuery(filters);
  return (
    <>
      <nav aria-label="States with overdue commitments">
        <ul className="overdue-states-index">
          {states.map((state) => (
            <li key={state.stateId}>
              <a href={`#overdue-${state.iso2}`}>
                {state.name} ({state.total})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {states.map((state) => {
        const headingId = `overdue-${state.iso2}`;
        return (
          <section key={state.stateId} className="overdue-state" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {state.name}{" "}
              <span className="overdue-count">{countText(state.total)}</span>
            </h2>
            <p>
              {state.total > state.commitments.length ? (
                <>
                  The {state.commitments.length} due earliest of {state.total}; the report card lists all of them, and so does the CSV
                  or Excel download of this report.{" "}
                </>
              ) : null}
              <a href={`/reports/states/${state.stateId}${query}`}>Report card of {state.name}</a>
            </p>
            <DataTable
              caption={`Overdue commitments of ${state.name}`}
              className="overdue-table"
              rows={state.commitments}
              rowKey={(commitment) => commitment.commitmentId}
              columns={[
                {
                  key: "reference",
                  header: "Reference",
                  rowHeader: true,
                  cell: (commitment) => <a href={`/reports/recommendations/${commitment.recommendationId}${query}`}>{commitment.reference}</a>,
                },
                { key: "text", header: "Recommendation", className: "overdue-text", cell: (commitment) => commitment.text },
                { key: "due", header: "Due date", cell: (commitment) => <CalendarDate value={commitment.dueDate} /> },
                { key: "status", header: "Status", cell: (commitment) => <StatusBadge statusKey={commitment.status.key} label={commitment.status.label} /> },
                {
                  key: "progress",
                  header: "Progress",
                  cell: (commitment) => <ProgressBar value={commitment.progress} label={`Progress of ${commitment.reference} in ${state.name}`} />,
                },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}
