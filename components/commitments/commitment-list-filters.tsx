"use client";

import { useState, type FormEvent } from "react";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { Field } from "@/components/ui/field";
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
  const participating = options.states.filter((state) => state.kind === "PARTICIPATING");
  const partners = options.states.filter((state) => state.kind === "PARTNER");

  return (
    <form role="search" aria-label="Filter commitments" method="get" action="/commitments" className="filters commitment-list-filters" onSubmit={onSubmit}>
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
        <Field id="commitment-state" label="State">
          <select id="commitment-state" name="state" value={params.state} onChange={(event) => apply({ state: event.target.value })}>
            <option value="">All States</option>
            <optgroup label="Participating States">
              {participating.map((state) => (
                <option key={state.id} value={state.iso2}>
                  {state.name}
                </option>
              ))}
            </optgroup>
            {partners.length > 0 ? (
              <optgroup label="Partners for Co-operation">
                {partners.map((state) => (
                  <option key={state.id} value={state.iso2}>
                    {state.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </Field>
      ) : null}

      <Field id="commitment-status" label="Status">
        <select id="commitment-status" name="status" value={params.status} onChange={(event) => apply({ status: event.target.value })}>
          <option value="">Any status</option>
          {options.statuses.map((status) => (
            <option key={status.key} value={status.key}>
              {status.label}
            </option>
          ))}
        </select>
      </Field>

      <Field id="commitment-theme" label="Theme">
        <select id="commitment-theme" name="theme" value={params.theme} onChange={(event) => apply({ theme: event.target.value })}>
          <option value="">Any theme</option>
          {options.themes.map((theme) => (
            <option key={theme.key} value={theme.key}>
              {theme.label}
            </option>
          ))}
        </select>
      </Field>

      <Field id="commitment-source" label="Source">
        <select id="commitment-source" name="source" value={params.source} onChange={(event) => apply({ source: event.target.value })}>
          <option value="">Any source</option>
          {options.sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.title}
            </option>
          ))}
        </select>
      </Field>

      <Field id="commitment-overdue" label="Overdue">
        <select
          id="commitment-overdue"
          name="overdue"
          value={params.overdue}
          onChange={(event) => apply({ overdue: event.target.value === "yes" || event.target.value === "no" ? event.target.value : "" })}
        >
          <option value="">Any</option>
          <option value="yes">Overdue only</option>
          <option value="no">Not overdue</option>
        </select>
      </Field>

      <Field id="commitment-sort" label="Sort by">
        <select
          id="commitment-sort"
          name="sort"
          value={params.sort}
          onChange={(event) => apply({ sort: COMMITMENT_SORTS.find((sort) => sort === event.target.value) ?? "reference" })}
        >
          {COMMITMENT_SORTS.filter((sort) => isSecretariat || sort !== "state").map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </Field>

      <Field id="commitment-direction" label="Order">
        <select id="commitment-direction" name="dir" value={params.dir} onChange={(event) => apply({ dir: event.target.value === "desc" ? "desc" : "asc" })}>
          <option value="asc">{directionLabel(params.sort, "asc")}</option>
          <option value="desc">{directionLabel(params.sort, "desc")}</option>
        </select>
      </Field>

      <Field id="commitment-size" label="Per page">
        <select id="commitment-size" name="size" value={params.size} onChange={(event) => apply({ size: PAGE_SIZES.find((size) => String(size) === event.target.value) ?? 25 })}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </Field>

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
    </form>
  );
}

/** Says what ascending and descending mean for the chosen sort. */
function directionLabel(sort: ListParams["sort"], direction: "asc" | "desc") {
  if (sort === "dueDate") return direction === "asc" ? "Soonest first" : "Latest first";
  if (sort === "progress") return direction === "asc" ? "Least first" : "Most first";
  if (sort === "updated") return direction === "asc" ? "Oldest first" : "Newest first";
  return direction === "asc" ? "A to Z" : "Z to A";
}
