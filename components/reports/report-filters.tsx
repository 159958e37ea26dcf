import { STATE_GROUPS } from "@/server/schemas/reports";
import type { ReportFilterValues } from "@/components/reports/report-params";

const GROUP_LABELS: Record<(typeof STATE_GROUPS)[number], string> = {
  participating: "Participating States",
  partners: "Partners for Co-operation",
  all: "All States",
};

/**
 * The filters of every report, as a plain GET form: the URL holds them, so a report can be
 * shared, bookmarked and used without JavaScript.
 */
export function ReportFilters({
  values,
  sources,
  themes,
  hidden = {},
  showStateGroup = true,
}: {
  values: ReportFilterValues;
  sources: { id: string; title: string }[];
  themes: { key: string; label: string }[];
  hidden?: Record<string, string>;
  showStateGroup?: boolean;
}) {
  return (
    <form method="get" className="filters report-filters" aria-label="Report filters">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="filter-source">Source</label>
        <select id="filter-source" name="sourceId" defaultValue={values.sourceId ?? ""}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-theme">Theme</label>
        <select id="filter-theme" name="themeKey" defaultValue={values.themeKey ?? ""}>
          <option value="">All themes</option>
          {themes.map((theme) => (
            <option key={theme.key} value={theme.key}>
              {theme.label}
            </option>
          ))}
        </select>
      </div>
      {showStateGroup ? (
        <div className="field">
          <label htmlFor="filter-group">States</label>
          <select id="filter-group" name="stateGroup" defaultValue={values.stateGroup}>
            {STATE_GROUPS.map((group) => (
              <option key={group} value={group}>
                {GROUP_LABELS[group]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-as-of">As of</label>
        <input id="filter-as-of" type="date" name="asOf" defaultValue={values.asOf ?? ""} aria-describedby="filter-as-of-hint" />
        <span id="filter-as-of-hint" className="field-hint">
          Empty: today
        </span>
      </div>
      <button type="submit" className="button">
        Apply filters
      </button>
    </form>
  );
}
