import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartFigure } from "@/components/reports/charts/chart-figure";
import { ChartSwatch, statusColor } from "@/components/reports/charts/chart-palette";
import { LazyStackedBarChart } from "@/components/reports/charts/lazy-charts";
import type { TrendGranularity } from "@/components/url-params";
import { figureColumns } from "@/components/reports/figure-columns";
import type { Column } from "@/components/ui/data-table";

export type TrendReportData = inferRouterOutputs<AppRouter>["reports"]["trend"];
type Point = TrendReportData["points"][number];

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
      rows={report.points}
      rowKey={(point) => point.label}
      columns={[
        { key: "period", header: word === "quarter" ? "Quarter" : "Month", rowHeader: true, cell: (point) => point.label },
        ...series.map(
          (entry): Column<Point> => ({
            key: entry.key,
            header: (
              <>
                <ChartSwatch color={entry.color} />
                {entry.label}
              </>
            ),
            className: "report-num",
            cell: (point) => point.byStatus[entry.key] ?? 0,
          }),
        ),
        ...figureColumns<Point>({ commitments: "Total", meanProgress: "Mean progress", shareImplemented: "Share implemented" }),
      ]}
    />
  );
}
