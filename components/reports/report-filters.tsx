import { useTranslations } from "next-intl";
import { FilterBar, FilterSelect, sourceOptions, themeOptions } from "@/components/ui/filter-bar";
import type { ReportFilterValues, StateGroup } from "@/components/url-params";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

const GROUPS: StateGroup[] = ["participating", "partners", "all"];

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
  const t = useTranslations("reports.filters");
  const labels = useReferenceLabels();
  const groups = GROUPS.map((value) => ({ value, label: t(`groups.${value}`) }));
  return (
    <FilterBar label={t("label")} className="report-filters" hidden={hidden}>
      <FilterSelect
        id="filter-source"
        name="source"
        label={t("source")}
        allLabel={t("allSources")}
        options={sourceOptions(options.sources)}
        defaultValue={values.sourceId ?? ""}
      />
      <FilterSelect
        id="filter-theme"
        name="theme"
        label={t("theme")}
        allLabel={t("allThemes")}
        options={themeOptions(options.themes.map((theme) => ({ key: theme.key, label: labels.theme(theme) })))}
        defaultValue={values.themeKey ?? ""}
      />
      {showStateGroup ? <FilterSelect id="filter-group" name="stateGroup" label={t("states")} options={groups} defaultValue={values.stateGroup} /> : null}
      <div className="field">
        <label htmlFor="filter-as-of">{t("asOf")}</label>
        <input id="filter-as-of" type="date" name="asOf" defaultValue={values.asOf ?? ""} aria-describedby="filter-as-of-hint" />
        <span id="filter-as-of-hint" className="field-hint">
          {t("asOfHint")}
        </span>
      </div>
      <button type="submit" className="button">
        {t("apply")}
      </button>
    </FilterBar>
  );
}
