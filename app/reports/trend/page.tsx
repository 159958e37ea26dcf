import type { Metadata } from "next";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { ExportLinks } from "@/components/reports/export-links";
import { FigureNotes } from "@/components/reports/figure-notes";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";
import { readTrendOptions } from "@/components/reports/trend-params";
import { TrendPeriodForm } from "@/components/reports/trend-period-form";
import { TrendReportBody } from "@/components/reports/trend-report";

export const metadata: Metadata = { title: "Trend" };

/** Public: how the accepted statuses of the selection changed, period by period. */
export default async function TrendPage({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const options = readTrendOptions(params);
  const caller = await getServerCaller();
  const [report, sources, themes] = await Promise.all([
    caller.reports.trend({ ...filters, granularity: options.granularity, periods: options.periods }),
    caller.sources.list(),
    caller.recommendations.themes(),
  ]);
  const periodParams: Record<string, string> = { granularity: options.granularity };
  if (options.periodsGiven) periodParams.periods = String(options.periods);
  return (
    <>
      <ReportsNav current="/reports/trend" filters={filters} />
      <h1>Trend</h1>
      <p className="muted">How many commitments had each accepted status at the end of each {options.granularity}, read from their history of accepted updates.</p>
      <ReportFilters values={filters} sources={sources} themes={themes} hidden={periodParams} />
      <TrendPeriodForm options={options} filters={filters} />
      <ExportLinks report="trend" filters={filters} extra={{ granularity: options.granularity, periods: options.periods }} />
      <TrendReportBody report={report} />
      <FigureNotes keys={["counted", "meanProgress", "shareImplemented", "asOf"]} />
    </>
  );
}
