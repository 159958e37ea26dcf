import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { AppRouter } from "@/server/api/root";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartFigure } from "@/components/reports/charts/chart-figure";
import { ChartSwatch, statusColor } from "@/components/reports/charts/chart-palette";
import { LazyStackedBarChart } from "@/components/reports/charts/lazy-charts";
import { figureColumns } from "@/components/reports/figure-columns";
import type { Column } from "@/components/ui/data-table";

export type TrendReportData = inferRouterOutputs<AppRouter>["reports"]["trend"];
type Point = TrendReportData["points"][number];

/** The distribution of accepted statuses at the end of each period: a stacked bar chart and the same numbers as a table. */
export function TrendReportBody({ report }: { report: TrendReportData }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const labels = useReferenceLabels();
  const granularity = report.filters.granularity;
  if (report.points.every((point) => point.figures.commitments === 0)) {
    return <EmptyState title={t("trend.emptyTitle", { granularity })}>{t("trend.emptyText")}</EmptyState>;
  }
  const series = report.statuses.map((status, index) => ({ key: status.key, label: labels.status(status), color: statusColor(status.key, index) }));
  const points = report.points.map((point) => ({ label: point.label, counts: point.byStatus }));
  const first = report.points[0]!;
  const last = report.points[report.points.length - 1]!;
  const lastCounts = series.map((entry) => `${entry.label} ${last.byStatus[entry.key] ?? 0}`).join(", ");
  const summary = t("trend.summary", { granularity, first: first.label, last: last.label, counts: lastCounts, total: last.figures.commitments });
  const title = t("trend.chartTitle", { granularity });
  return (
    <ChartFigure
      id="trend"
      title={title}
      summary={summary}
      chart={<LazyStackedBarChart series={series} points={points} />}
      rows={report.points}
      rowKey={(point) => point.label}
      columns={[
        { key: "period", header: t("trend.periodColumn", { granularity }), rowHeader: true, cell: (point) => point.label },
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
        ...figureColumns<Point>(
          { commitments: t("figures.total"), meanProgress: t("figures.meanProgress"), shareImplemented: t("figures.shareImplemented") },
          locale,
        ),
      ]}
    />
  );
}
