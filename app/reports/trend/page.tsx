import { getTranslations } from "next-intl/server";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller } from "@/server/api/server-caller";
import { reportMetadata } from "@/components/reports/report-metadata";
import { TrendPeriodForm } from "@/components/reports/trend-period-form";
import { TrendReportBody } from "@/components/reports/trend-report";
import { readReportFilters, readTrendOptions, type SearchParams } from "@/components/url-params";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";

export const generateMetadata = reportMetadata("trend");

/** Public: how the accepted statuses of the selection changed, period by period. */
export default async function TrendPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const trend = readTrendOptions(params);
  const caller = await getServerCaller();
  const [report, options, t] = await Promise.all([
    caller.reports.trend({ ...filters, granularity: trend.granularity, periods: trend.periods }),
    readReportOptions(caller),
    getTranslations("reports.trend"),
  ]);
  const periodParams: Record<string, string> = { granularity: trend.granularity };
  if (trend.periodsGiven) periodParams.periods = String(trend.periods);
  return (
    <ReportPage
      section="/reports/trend"
      title={t("title")}
      lead={t("lead", { granularity: trend.granularity })}
      filters={filters}
      options={options}
      hidden={periodParams}
      controls={<TrendPeriodForm options={trend} filters={filters} />}
      downloads={{ report: "trend", extra: { granularity: trend.granularity, periods: trend.periods } }}
      notes={["counted", "meanProgress", "shareImplemented", "asOf"]}
    >
      <TrendReportBody report={report} />
    </ReportPage>
  );
}
