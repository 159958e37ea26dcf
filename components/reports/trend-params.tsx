import type { ReportSearchParams } from "@/components/reports/report-params";

export type TrendGranularity = "quarter" | "month";
export type TrendOptions = { granularity: TrendGranularity; periods: number; periodsGiven: boolean };

/** How many periods are shown when the URL does not say: two years of quarters, one of months. */
export const DEFAULT_PERIODS: Record<TrendGranularity, number> = { quarter: 8, month: 12 };
export const MAX_PERIODS = 60;

/** The trend's own URL parameters; anything malformed falls back to the default. */
export function readTrendOptions(params: ReportSearchParams): TrendOptions {
  const granularityParam = Array.isArray(params.granularity) ? params.granularity[0] : params.granularity;
  const periodsParam = Array.isArray(params.periods) ? params.periods[0] : params.periods;
  const granularity: TrendGranularity = granularityParam === "month" ? "month" : "quarter";
  const periods = periodsParam && /^\d{1,2}$/.test(periodsParam.trim()) ? Number(periodsParam.trim()) : NaN;
  const valid = Number.isInteger(periods) && periods >= 1 && periods <= MAX_PERIODS;
  return { granularity, periods: valid ? periods : DEFAULT_PERIODS[granularity], periodsGiven: valid };
}
