import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatProgress, formatShare } from "@/server/services/compliance-figures";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartFigure } from "@/components/reports/charts/chart-figure";
import { ChartSwatch, statusColor } from "@/components/reports/charts/chart-palette";
import { LazyStackedBarChart } from "@/components/reports/charts/lazy-charts";
import type { TrendGranularity } from "@/components/url-params";
import { ScrollTable } from "@/components/reports/charts/scroll-table";

export type TrendReportData = inferRouterOutputs<AppRouter>["reports"]["trend"];

const PERIOD_WORDS: Record<TrendGranularity, string> = { quarter: "quarter", month: "month" };

/** The distribution of accepted statuses at the end of each period: a stacked bar chart and the same numbers as a table. */
export function TrendReportBody({ report }: { report: TrendReportData }) {
  const word = PERIOD_WORDS[report.filters.granularity];
  if (report.points.every((point) => point.figures.commitments === 0)) {
    return (
      <EmptyState title={`No commitments in these ${word}s.`}>
        No published recommendation of the chosen filters had been published by the end of any period shown. Choose other filters, more
        periods or a later “As of” date.
      </EmptyState>
    );
  }
  const series = report.statuses.map((status, index) => ({ key: status.key, label: status.label, color: statusColor(status.key, index) }));
  const points = report.points.map((point) => ({ label: point.label, counts: point.byStatus }));
  const first = report.points[0]!;
  const last = report.points[report.points.length - 1]!;
  const lastCounts = series.map((entry) => `${entry.label} ${last.byStatus[entry.key] ?? 0}`).join(", ");
  const summary =
    `Stacked bar chart of commitments by accepted status at the end of each ${word}, ${first.label} to ${last.label}. ` +
    `At the end of ${last.label}: ${lastCounts}; ${last.figures.commitments} commitments in all.`;
  const title = `Statuses at the end of each ${word}`;
  return (
    <ChartFigure
      id="trend"
      title={title}
      summary={summary}
      chart={<LazyStackedBarChart series={series} points={points} />}
      table={
        <ScrollTable label={`${title}, table`} className="chart-table">
          <table>
            <caption className="visually-hidden">{`${title} (table)`}</caption>
            <thead>
              <tr>
                <th scope="col">{word === "quarter" ? "Quarter" : "Month"}</th>
                {series.map((entry) => (
                  <th scope="col" className="report-num" key={entry.key}>
                    <ChartSwatch color={entry.color} />
                    {entry.label}
                  </th>
                ))}
                <th scope="col" className="report-num">
                  Total
                </th>
                <th scope="col" className="report-num">
                  Mean progress
                </th>
                <th scope="col" className="report-num">
                  Share implemented
                </th>
              </tr>
            </thead>
            <tbody>
              {report.points.map((point) => (
                <tr key={point.label}>
                  <th scope="row">{point.label}</th>
                  {series.map((entry) => (
                    <td className="report-num" key={entry.key}>
                      {point.byStatus[entry.key] ?? 0}
                    </td>
                  ))}
                  <td className="report-num">{point.figures.commitments}</td>
                  <td className="report-num">{formatProgress(point.figures.meanProgress)}</td>
                  <td className="report-num">{formatShare(point.figures.shareImplemented)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      }
    />
  );
}
