import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { statusSymbol } from "@/components/ui/status-badge";
import { formatProgress, formatShare, type Figures } from "@/server/shared/figures";

// The matrix is rendered on the server as plain HTML: up to 57 x 200 cells (the page shows 200
// recommendations at a time), so no client
// component, no next/link (which would prefetch hundreds of links) and as little markup per cell
// as the full status for hover and screen readers allows.

export const KNOWN_STATUS_KEYS = new Set(["not_started", "planned", "in_progress", "partially_implemented", "implemented", "not_applicable"]);

export type MatrixStatus = { key: string; label: string; countsTowardsAverage: boolean };
export type MatrixData = {
  statuses: MatrixStatus[];
  states: { id: string; name: string; iso2: string; figures: Figures }[];
  recommendations: { id: string; reference: string; text: string; figures: Figures }[];
  /** Per State, per recommendation column: the index into `statuses` (-1: not addressed) and the progress. */
  grid: { status: number[]; progress: number[] }[];
  totals: Figures;
};

const FOOT_ROWS = [
  { figure: "shareImplemented", label: "Share implemented", format: (figures: Figures) => formatShare(figures.shareImplemented) },
  { figure: "meanProgress", label: "Mean progress", format: (figures: Figures) => formatProgress(figures.meanProgress) },
] as const;

export function statusClass(key: string) {
  return `mx-${KNOWN_STATUS_KEYS.has(key) ? key : "other"}`;
}

export function MatrixTable({ matrix, filters }: { matrix: MatrixData; filters: ReportFilterValues }) {
  const query = reportQuery(filters);
  const statuses = matrix.statuses.map((status) => ({ className: statusClass(status.key), symbol: statusSymbol(status.key), label: status.label }));
  const size = `${matrix.states.length} States by ${matrix.recommendations.length} recommendations`;
  return (
    <div className="matrix-scroll" role="region" aria-label={`Compliance matrix, ${size} (scrollable)`} tabIndex={0}>
      <table className="matrix">
        <caption className="visually-hidden">
          Accepted status and progress of each recommendation (columns) in each State (rows), with each State&apos;s and each recommendation&apos;s share
          implemented and mean progress.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              State
            </th>
            {matrix.recommendations.map((recommendation) => (
              <th scope="col" key={recommendation.id}>
                <a href={`/reports/recommendations/${recommendation.id}${query}`} title={recommendation.text}>
                  {recommendation.reference}
                </a>
              </th>
            ))}
            <th scope="col" className="matrix-figure">
              Share implemented
            </th>
            <th scope="col" className="matrix-figure">
              Mean progress
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.states.map((state, row) => (
            <tr key={state.id}>
              <th scope="row">
                <a href={`/reports/states/${state.id}${query}`}>{state.name}</a>
              </th>
              {matrix.grid[row]!.status.map((statusIndex, column) => {
                const reference = matrix.recommendations[column]!.reference;
                if (statusIndex < 0) {
                  return (
                    <td key={column} className="mx-none" title={`${state.name} — ${reference}: Not addressed`}>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">Not addressed</span>
                    </td>
                  );
                }
                const status = statuses[statusIndex]!;
                const progress = matrix.grid[row]!.progress[column]!;
                const full = `${status.label}, ${progress}%`;
                return (
                  <td key={column} className={status.className} title={`${state.name} — ${reference}: ${full}`}>
                    <span aria-hidden="true">{`${status.symbol} ${progress}`}</span>
                    <span className="visually-hidden">{full}</span>
                  </td>
                );
              })}
              <td className="matrix-figure">{formatShare(state.figures.shareImplemented)}</td>
              <td className="matrix-figure">{formatProgress(state.figures.meanProgress)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {FOOT_ROWS.map(({ label, format, figure }, index) => (
            <tr key={figure}>
              <th scope="row">{label}</th>
              {matrix.recommendations.map((recommendation) => (
                <td key={recommendation.id} className="matrix-figure">
                  {format(recommendation.figures)}
                </td>
              ))}
              {/* The overall figure sits under its own column: share implemented first, then mean progress. */}
              {index === 1 ? <td className="matrix-figure" /> : null}
              <td className="matrix-figure matrix-total" title={`All commitments in the matrix: ${label.toLowerCase()}`}>
                {format(matrix.totals)}
              </td>
              {index === 0 ? <td className="matrix-figure" /> : null}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
