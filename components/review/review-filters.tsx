"use client";

import type { FormEvent } from "react";
import { idParam, reviewHref, type TFilterOption } from "@/components/review/review-links";

/**
 * The queue's filters: a GET form (it works without JavaScript too); applied on submit rather
 * than on change, so that moving through a select with the keyboard does not reload the list.
 */
export function ReviewFilters({
  stateId,
  sourceId,
  states,
  sources,
  onApply,
}: {
  stateId?: string;
  sourceId?: string;
  states: TFilterOption[];
  sources: TFilterOption[];
  onApply: (filters: { stateId?: string; sourceId?: string }) => void;
}) {
  // A State filtered for in the URL stays choosable even when nothing of it is listed any more.
  const stateOptions = stateId && !states.some((state) => state.id === stateId) ? [{ id: stateId, label: "The selected State" }, ...states] : states;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({ stateId: idParam(String(form.get("state") ?? "")), sourceId: idParam(String(form.get("source") ?? "")) });
  }

  return (
    <form className="filters review-filters" role="search" aria-label="Filter the review queue" action="/review" method="get" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="review-filter-state">State</label>
        <select id="review-filter-state" name="state" defaultValue={stateId ?? ""}>
          <option value="">All States</option>
          {stateOptions.map((state) => (
            <option key={state.id} value={state.id}>
              {state.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="review-filter-source">Source</label>
        <select id="review-filter-source" name="source" defaultValue={sourceId ?? ""}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions review-filter-actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {stateId || sourceId ? (
          <a
            href={reviewHref({})}
            onClick={(event) => {
              event.preventDefault();
              onApply({});
            }}
          >
            Clear filters
          </a>
        ) : null}
      </div>
    </form>
  );
}
