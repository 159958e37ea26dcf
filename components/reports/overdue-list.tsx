import { reportQuery, type ReportFilterValues } from "@/components/url-params";
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
            <div className="table-wrap">
              <table className="overdue-table">
                <caption className="visually-hidden">
                  Overdue commitments of {state.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Reference</th>
                    <th scope="col">Recommendation</th>
                    <th scope="col">Due date</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                  </tr>
                </thead>
                <tbody>
                  {state.commitments.map((commitment) => (
                    <tr key={commitment.commitmentId}>
                      <th scope="row">
                        <a href={`/reports/recommendations/${commitment.recommendationId}${query}`}>{commitment.reference}</a>
                      </th>
                      <td className="overdue-text">{commitment.text}</td>
                      <td>
                        <CalendarDate value={commitment.dueDate} />
                      </td>
                      <td>
                        <StatusBadge statusKey={commitment.status.key} label={commitment.status.label} />
                      </td>
                      <td>
                        <ProgressBar value={commitment.progress} label={`Progress of ${commitment.reference} in ${state.name}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
