"use client";

import type { FormEvent } from "react";
import { useTranslations } from "next-intl";
import { FilterBar, FilterSelect, type SelectOption } from "@/components/ui/filter-bar";
import { readParam, reviewHref, type ReviewParams } from "@/components/url-params";

/**
 * The queue's filters: a GET form (it works without JavaScript too); applied on submit rather
 * than on change, so that moving through a select with the keyboard does not reload the list.
 */
export function ReviewFilters({
  state,
  source,
  states,
  sources,
  onApply,
}: {
  /** The State's code. */
  state?: string;
  source?: string;
  states: SelectOption[];
  sources: SelectOption[];
  onApply: (filters: Pick<ReviewParams, "state" | "source">) => void;
}) {
  const t = useTranslations("review.filters");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({ state: readParam.stateCode(String(form.get("state") ?? "")), source: readParam.id(String(form.get("source") ?? "")) });
  }

  return (
    <FilterBar label={t("label")} action="/review" className="review-filters" onSubmit={onSubmit}>
      <FilterSelect id="review-filter-state" name="state" label={t("state")} allLabel={t("allStates")} options={states} defaultValue={state ?? ""} />
      <FilterSelect id="review-filter-source" name="source" label={t("source")} allLabel={t("allSources")} options={sources} defaultValue={source ?? ""} />
      <div className="actions review-filter-actions">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        {state || source ? (
          <a
            href={reviewHref({})}
            onClick={(event) => {
              event.preventDefault();
              onApply({});
            }}
          >
            {t("clear")}
          </a>
        ) : null}
      </div>
    </FilterBar>
  );
}
