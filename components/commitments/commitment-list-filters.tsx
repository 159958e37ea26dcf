"use client";

import { useState, type FormEvent } from "react";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { Field } from "@/components/ui/field";
import { FilterBar, FilterSelect, sourceOptions, stateOptionGroups, themeOptions, toOptions } from "@/components/ui/filter-bar";
import {
  PAGE_SIZES,
  SORT_LABELS,
  hasFilters,
  parseListParams,
  withoutFilters,
  type ListParams,
} from "@/components/commitments/commitment-list-params";
import type { CommitmentListOptions } from "@/components/commitments/commitment-list";

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
  // The search box keeps what is typed until applied; a new URL (back button) replaces it.
  const [typed, setTyped] = useState(params.q);
  const [shownQ, setShownQ] = useState(params.q);
  if (shownQ !== params.q) {
    setShownQ(params.q);
    setTyped(params.q);
  }

  // A select applies at once: the list's own reading of the URL keeps only a valid choice.
  const bound = (name: "state" | "status" | "theme" | "source" | "overdue" | "sort" | "dir" | "size") => ({
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
    <FilterBar label="Filter commitments" action="/commitments" className="commitment-list-filters" onSubmit={onSubmit}>
      <div className="commitment-list-search">
        <Field id="commitment-search" label="Search" hint="Words in the recommendation or its reference">
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
              Search
            </button>
          </div>
        </Field>
      </div>

      {isSecretariat ? (
        <FilterSelect {...bound("state")} label="State" allLabel="All States" groups={stateOptionGroups(options.states, (state) => state.iso2)} />
      ) : null}
      <FilterSelect {...bound("status")} label="Status" allLabel="Any status" options={toOptions(options.statuses, (status) => status.key, (status) => status.label)} />
      <FilterSelect {...bound("theme")} label="Theme" allLabel="Any theme" options={themeOptions(options.themes)} />
      <FilterSelect {...bound("source")} label="Source" allLabel="Any source" options={sourceOptions(options.sources)} />
      <FilterSelect {...bound("overdue")} label="Overdue" allLabel="Any" options={OVERDUE_OPTIONS} />
      <FilterSelect {...bound("sort")} label="Sort by" options={COMMITMENT_SORTS.filter((sort) => isSecretariat || sort !== "state").map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))} />
      <FilterSelect {...bound("dir")} label="Order" options={(["asc", "desc"] as const).map((dir) => ({ value: dir, label: directionLabel(params.sort, dir) }))} />
      <FilterSelect {...bound("size")} label="Per page" options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))} />

      {hasFilters(params) ? (
        <a
          className="button button-secondary commitment-list-clear"
          href={clearHref}
          onClick={(event) => {
            event.preventDefault();
            onApply(withoutFilters(params));
          }}
        >
          Clear filters
        </a>
      ) : null}
    </FilterBar>
  );
}

const OVERDUE_OPTIONS = [
  { value: "yes", label: "Overdue only" },
  { value: "no", label: "Not overdue" },
];

/** Says what ascending and descending mean for the chosen sort. */
function directionLabel(sort: ListParams["sort"], direction: "asc" | "desc") {
  if (sort === "dueDate") return direction === "asc" ? "Soonest first" : "Latest first";
  if (sort === "progress") return direction === "asc" ? "Least first" : "Most first";
  if (sort === "updated") return direction === "asc" ? "Oldest first" : "Newest first";
  return direction === "asc" ? "A to Z" : "Z to A";
}
