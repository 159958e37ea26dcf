"use client";

import { useState, type FormEvent } from "react";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { Field } from "@/components/ui/field";
import { FilterBar, FilterSelect, stateOptionGroups, toOptions } from "@/components/ui/filter-bar";
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

  const apply = (changes: Partial<ListParams>) => onApply({ ...params, q: typed, ...changes });
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
        <FilterSelect
          id="commitment-state"
          name="state"
          label="State"
          allLabel="All States"
          groups={stateOptionGroups(options.states, (state) => state.iso2)}
          value={params.state}
          onChange={(state) => apply({ state })}
        />
      ) : null}
      <FilterSelect
        id="commitment-status"
        name="status"
        label="Status"
        allLabel="Any status"
        options={toOptions(options.statuses, (status) => status.key, (status) => status.label)}
        value={params.status}
        onChange={(status) => apply({ status })}
      />
      <FilterSelect
        id="commitment-theme"
        name="theme"
        label="Theme"
        allLabel="Any theme"
        options={toOptions(options.themes, (theme) => theme.key, (theme) => theme.label)}
        value={params.theme}
        onChange={(theme) => apply({ theme })}
      />
      <FilterSelect
        id="commitment-source"
        name="source"
        label="Source"
        allLabel="Any source"
        options={toOptions(options.sources, (source) => source.id, (source) => source.title)}
        value={params.source}
        onChange={(source) => apply({ source })}
      />
      <FilterSelect
        id="commitment-overdue"
        name="overdue"
        label="Overdue"
        allLabel="Any"
        options={[
          { value: "yes", label: "Overdue only" },
          { value: "no", label: "Not overdue" },
        ]}
        value={params.overdue}
        onChange={(overdue) => apply({ overdue: overdue === "yes" || overdue === "no" ? overdue : "" })}
      />
      <FilterSelect
        id="commitment-sort"
        name="sort"
        label="Sort by"
        options={COMMITMENT_SORTS.filter((sort) => isSecretariat || sort !== "state").map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
        value={params.sort}
        onChange={(value) => apply({ sort: COMMITMENT_SORTS.find((sort) => sort === value) ?? "reference" })}
      />
      <FilterSelect
        id="commitment-direction"
        name="dir"
        label="Order"
        options={(["asc", "desc"] as const).map((direction) => ({ value: direction, label: directionLabel(params.sort, direction) }))}
        value={params.dir}
        onChange={(dir) => apply({ dir: dir === "desc" ? "desc" : "asc" })}
      />
      <FilterSelect
        id="commitment-size"
        name="size"
        label="Per page"
        options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
        value={String(params.size)}
        onChange={(value) => apply({ size: PAGE_SIZES.find((size) => String(size) === value) ?? 25 })}
      />

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

/** Says what ascending and descending mean for the chosen sort. */
function directionLabel(sort: ListParams["sort"], direction: "asc" | "desc") {
  if (sort === "dueDate") return direction === "asc" ? "Soonest first" : "Latest first";
  if (sort === "progress") return direction === "asc" ? "Least first" : "Most first";
  if (sort === "updated") return direction === "asc" ? "Oldest first" : "Newest first";
  return direction === "asc" ? "A to Z" : "Z to A";
}
