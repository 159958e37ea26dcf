"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { Field } from "@/components/ui/field";
import { FilterBar, FilterSelect, sourceOptions, stateOptionGroups, themeOptions, toOptions } from "@/components/ui/filter-bar";
import {
  PAGE_SIZES,
  UPDATE_FILTERS,
  UPDATE_FILTER_STATES,
  hasFilters,
  parseListParams,
  withoutFilters,
  type ListParams,
} from "@/components/commitments/commitment-list-params";
import type { CommitmentListOptions } from "@/components/commitments/commitment-list";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

/**
 * The list's filters as a GET form (it works without JavaScript too). Choosing in a select
 * applies at once; the search text applies with Enter or the Search button.
 */
export function CommitmentListFilters({
  params,
  isSecretariat,
  options,
  clearHref,
  onApply,
}: {
  params: ListParams;
  isSecretariat: boolean;
  options: CommitmentListOptions;
  clearHref: string;
  onApply: (next: ListParams) => void;
}) {
  const t = useTranslations("commitments.filters");
  const columns = useTranslations("commitments.table");
  const reviewStates = useTranslations("common.reviewStates");
  const refs = useReferenceLabels();
  // The search box keeps what is typed until applied; a new URL (back button) replaces it.
  const [typed, setTyped] = useState(params.q);
  const [shownQ, setShownQ] = useState(params.q);
  if (shownQ !== params.q) {
    setShownQ(params.q);
    setTyped(params.q);
  }

  // A select applies at once: the list's own reading of the URL keeps only a valid choice.
  const bound = (name: "state" | "status" | "theme" | "source" | "overdue" | "update" | "sort" | "dir" | "size") => ({
    id: `commitment-${name === "dir" ? "direction" : name}`,
    name,
    value: String(params[name]),
    onChange: (value: string) => {
      const next: Record<string, string | number> = { ...params, q: typed, cursor: "", [name]: value };
      onApply(parseListParams((key) => (key in next ? String(next[key]) : null)));
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onApply(parseListParams((name) => (typeof data.get(name) === "string" ? (data.get(name) as string) : null)));
  };
  return (
    <FilterBar label={t("label")} action="/commitments" className="commitment-list-filters" onSubmit={onSubmit}>
      <div className="commitment-list-search">
        <Field id="commitment-search" label={t("search")} hint={t("searchHint")}>
          <div className="commitment-list-search-row">
            <input
              id="commitment-search"
              name="q"
              type="search"
              value={typed}
              maxLength={200}
              aria-describedby="commitment-search-hint"
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit" className="button">
              {t("searchButton")}
            </button>
          </div>
        </Field>
      </div>

      {isSecretariat ? (
        <FilterSelect
          {...bound("state")}
          label={t("state")}
          allLabel={t("allStates")}
          groups={stateOptionGroups(
            options.states.map((state) => ({ ...state, name: refs.state(state) })),
            (state) => state.iso2,
          )}
        />
      ) : null}
      <FilterSelect {...bound("status")} label={t("status")} allLabel={t("anyStatus")} options={toOptions(options.statuses, (status) => status.key, (status) => refs.status(status))} />
      <FilterSelect {...bound("theme")} label={t("theme")} allLabel={t("anyTheme")} options={themeOptions(options.themes.map((theme) => ({ key: theme.key, label: refs.theme(theme) })))} />
      <FilterSelect {...bound("source")} label={t("source")} allLabel={t("anySource")} options={sourceOptions(options.sources)} />
      <FilterSelect
        {...bound("overdue")}
        label={t("overdue")}
        allLabel={t("any")}
        options={[
          { value: "yes", label: t("overdueOnly") },
          { value: "no", label: t("notOverdue") },
        ]}
      />
      <FilterSelect
        {...bound("update")}
        label={columns("openUpdate")}
        allLabel={t("any")}
        options={UPDATE_FILTERS.map((state) => ({ value: state, label: reviewStates(UPDATE_FILTER_STATES[state]) }))}
      />
      <FilterSelect
        {...bound("sort")}
        label={t("sortBy")}
        options={COMMITMENT_SORTS.filter((sort) => isSecretariat || sort !== "state").map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))}
      />
      <FilterSelect {...bound("dir")} label={t("order")} options={(["asc", "desc"] as const).map((dir) => ({ value: dir, label: t(`directions.${directionKey(params.sort, dir)}`) }))} />
      <FilterSelect {...bound("size")} label={t("perPage")} options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))} />

      {hasFilters(params) ? (
        <a
          className="button button-secondary commitment-list-clear"
          href={clearHref}
          onClick={(event) => {
            event.preventDefault();
            onApply(withoutFilters(params));
          }}
        >
          {t("clear")}
        </a>
      ) : null}
    </FilterBar>
  );
}

/** Says what ascending and descending mean for the chosen sort (the key of its label). */
function directionKey(sort: ListParams["sort"], direction: "asc" | "desc") {
  const what = sort === "dueDate" || sort === "progress" || sort === "updated" ? sort : "text";
  return `${what}${direction === "asc" ? "Asc" : "Desc"}` as const;
}
