import { FilterBar, FilterSelect, sourceOptions, themeOptions } from "@/components/ui/filter-bar";
import type { ReportFilterValues, StateGroup } from "@/components/url-params";

const GROUPS: { value: StateGroup; label: string }[] = [
  { value: "participating", label: "Participating States" },
  { value: "partners", label: "Partners for Co-operation" },
  { value: "all", label: "All States" },
];

export type ReportFilterOptions = { sources: { id: string; title: string }[]; themes: { key: string; label: string }[] };

/**
 * The filters of every report, as a plain GET form: the URL holds them, so a report can be
 * shared, bookmarked and used without JavaScript.
 */
export function ReportFilters({
  values,
  options,
  hidden = {},
  showStateGroup = true,
}: {
  values: ReportFilterValues;
  options: ReportFilterOptions;
  hidden?: Record<string, string>;
  showStateGroup?: boolean;
}) {
  return (
    <FilterBar label="Report filters" className="report-filters" hidden={hidden}>
      <FilterSelect id="filter-source" name="source" label="Source" allLabel="All sources" options={sourceOptions(options.sources)} defaultValue={values.sourceId ?? ""} />
      <FilterSelect id="filter-theme" name="theme" label="Theme" allLabel="All themes" options={themeOptions(options.themes)} defaultValue={values.themeKey ?? ""} />
      {showStateGroup ? <FilterSelect id="filter-group" name="stateGroup" label="States" options={GROUPS} defaultValue={values.stateGroup} /> : null}
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
    </FilterBar>
  );
}
