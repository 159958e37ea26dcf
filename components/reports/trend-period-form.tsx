import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DEFAULT_PERIODS, MAX_PERIODS, type TrendOptions } from "@/components/url-params";

/** Quarters or months, and how many: a GET form that keeps the report filters. */
export function TrendPeriodForm({ options, filters }: { options: TrendOptions; filters: ReportFilterValues }) {
  const hidden = new URLSearchParams(reportQuery(filters).slice(1));
  return (
    <form method="get" className="filters trend-period-form" aria-label="Periods">
      {[...hidden.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="trend-granularity">Period</label>
        <select id="trend-granularity" name="granularity" defaultValue={options.granularity}>
          <option value="quarter">Quarters</option>
          <option value="month">Months</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="trend-periods">Number of periods</label>
        <input
          id="trend-periods"
          name="periods"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PERIODS}
          defaultValue={options.periodsGiven ? options.periods : ""}
          aria-describedby="trend-periods-hint"
        />
        <span id="trend-periods-hint" className="field-hint">
          Empty: {DEFAULT_PERIODS.quarter} quarters or {DEFAULT_PERIODS.month} months
        </span>
      </div>
      <button type="submit" className="button">
        Show periods
      </button>
    </form>
  );
}
