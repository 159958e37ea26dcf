import { useTranslations } from "next-intl";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DEFAULT_PERIODS, MAX_PERIODS, type TrendOptions } from "@/components/url-params";

/** Quarters or months, and how many: a GET form that keeps the report filters. */
export function TrendPeriodForm({ options, filters }: { options: TrendOptions; filters: ReportFilterValues }) {
  const t = useTranslations("reports.trend");
  const hidden = new URLSearchParams(reportQuery(filters).slice(1));
  return (
    <form method="get" className="filters trend-period-form" aria-label={t("periodsLabel")}>
      {[...hidden.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="trend-granularity">{t("period")}</label>
        <select id="trend-granularity" name="granularity" defaultValue={options.granularity}>
          <option value="quarter">{t("quarters")}</option>
          <option value="month">{t("months")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="trend-periods">{t("count")}</label>
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
          {t("countHint", { quarters: DEFAULT_PERIODS.quarter, months: DEFAULT_PERIODS.month })}
        </span>
      </div>
      <button type="submit" className="button">
        {t("show")}
      </button>
    </form>
  );
}
