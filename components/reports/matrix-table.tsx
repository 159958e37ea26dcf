import { useLocale, useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { statusSymbol } from "@/components/ui/status-badge";
import { formatPercent, formatShare, type Figures } from "@/server/shared/figures";
import type { Locale } from "@/server/shared/locales";

// The matrix is rendered on the server as plain HTML: up to 57 x 200 cells (the page shows 200
// recommendations at a time), so no client
// component, no next/link (which would prefetch hundreds of links) and as little markup per cell
// as the full status for hover and screen readers allows.

export const KNOWN_STATUS_KEYS = new Set(["not_started", "planned", "in_progress", "partially_implemented", "implemented", "not_applicable"]);

export type MatrixStatus = { key: string; label: string; countsTowardsAverage: boolean };
export type MatrixData = {
  statuses: MatrixStatus[];
  states: { id: string; name: string; iso2: string; figures: Figures }[];
  recommendations: { id: string; reference: string; text: string; textLang: Locale; figures: Figures }[];
  /** Per State, per recommendation column: the index into `statuses` (-1: not addressed) and the progress. */
  grid: { status: number[]; progress: number[] }[];
  totals: Figures;
};

const FOOT_ROWS = [
  { figure: "shareImplemented", total: "totalShare", format: (figures: Figures, locale: string) => formatShare(figures.shareImplemented, locale) },
  { figure: "meanProgress", total: "totalMean", format: (figures: Figures, locale: string) => formatPercent(figures.meanProgress, locale) },
] as const;

export function statusClass(key: string) {
  return `mx-${KNOWN_STATUS_KEYS.has(key) ? key : "other"}`;
}

export function MatrixTable({ matrix, filters }: { matrix: MatrixData; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const labels = useReferenceLabels();
  const query = reportQuery(filters);
  const statuses = matrix.statuses.map((status) => ({ className: statusClass(status.key), symbol: statusSymbol(status.key), label: labels.status(status) }));
  const notAddressed = t("matrix.notAddressed");
  // Punctuation only, no words: the matrix has tens of thousands of cells (no translator call per cell).
  const cellTitle = (state: string, reference: string, detail: string) => `${state} — ${reference}: ${detail}`;
  return (
    <div
      className="matrix-scroll"
      role="region"
      aria-label={t("matrix.region", { states: matrix.states.length, recommendations: matrix.recommendations.length })}
      tabIndex={0}
    >
      <table className="matrix">
        <caption className="visually-hidden">{t("matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t("figures.state")}
            </th>
            {matrix.recommendations.map((recommendation) => (
              <th scope="col" key={recommendation.id}>
                <a href={`/reports/recommendations/${recommendation.id}${query}`} title={recommendation.text} lang={recommendation.textLang}>
                  {recommendation.reference}
                </a>
              </th>
            ))}
            <th scope="col" className="matrix-figure">
              {t("figures.shareImplemented")}
            </th>
            <th scope="col" className="matrix-figure">
              {t("figures.meanProgress")}
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.states.map((state, row) => {
            const name = labels.state(state);
            return (
              <tr key={state.id}>
                <th scope="row">
                  <a href={`/reports/states/${state.id}${query}`}>{name}</a>
                </th>
                {matrix.grid[row]!.status.map((statusIndex, column) => {
                  const reference = matrix.recommendations[column]!.reference;
                  if (statusIndex < 0) {
                    return (
                      <td key={column} className="mx-none" title={cellTitle(name, reference, notAddressed)}>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{notAddressed}</span>
                      </td>
                    );
                  }
                  const status = statuses[statusIndex]!;
                  const progress = matrix.grid[row]!.progress[column]!;
                  const full = `${status.label}, ${formatPercent(progress, locale, 0)}`;
                  return (
                    <td key={column} className={status.className} title={cellTitle(name, reference, full)}>
                      <span aria-hidden="true">{[status.symbol, progress].join(" ")}</span>
                      <span className="visually-hidden">{full}</span>
                    </td>
                  );
                })}
                <td className="matrix-figure">{formatShare(state.figures.shareImplemented, locale)}</td>
                <td className="matrix-figure">{formatPercent(state.figures.meanProgress, locale)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          {FOOT_ROWS.map(({ total, format, figure }, index) => (
            <tr key={figure}>
              <th scope="row">{t(`figures.${figure}`)}</th>
              {matrix.recommendations.map((recommendation) => (
                <td key={recommendation.id} className="matrix-figure">
                  {format(recommendation.figures, locale)}
                </td>
              ))}
              {/* The overall figure sits under its own column: share implemented first, then mean progress. */}
              {index === 1 ? <td className="matrix-figure" /> : null}
              <td className="matrix-figure matrix-total" title={t(`matrix.${total}`)}>
                {format(matrix.totals, locale)}
              </td>
              {index === 0 ? <td className="matrix-figure" /> : null}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
