"use client";

import { useId, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { StateOption } from "@/components/recommendations/recommendation-display";

/** Case- and accent-insensitive, so "cote" finds "Côte" and "türk" finds "Türkiye". */
function fold(value: string) {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

function StateCheckboxes({
  idPrefix,
  states,
  value,
  onToggle,
}: {
  idPrefix: string;
  states: StateOption[];
  value: Set<string>;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const t = useTranslations("recommendations.statePicker");
  const labels = useReferenceLabels();
  return (
    <ul className="rec-state-grid">
      {states.map((state) => (
        <li key={state.id}>
          <label className="checkbox" htmlFor={`${idPrefix}-state-${state.iso2}`}>
            <input
              id={`${idPrefix}-state-${state.iso2}`}
              type="checkbox"
              checked={value.has(state.id)}
              onChange={(event) => onToggle(state.id, event.target.checked)}
            />
            <span>
              {labels.state(state)}
              {state.partnerGroup ? <span className="muted">{t("partnerGroup", { group: state.partnerGroup })}</span> : null}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/**
 * Choosing States one by one, in two groups with a shortcut each, and a search that narrows the
 * lists (chosen States stay chosen while hidden by the search).
 *
 * `allParticipating` is the recommendation's own "all participating States" switch: when on, the
 * participating list is not needed. Without it, the participating group gets a plain "choose all".
 */
export function StatePicker({
  idPrefix,
  states,
  value,
  onChange,
  allParticipating,
  describedById,
}: {
  idPrefix: string;
  states: StateOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  allParticipating?: { checked: boolean; onChange: (checked: boolean) => void; label: ReactNode; invalid?: boolean };
  describedById?: string;
}) {
  const t = useTranslations("recommendations.statePicker");
  const labels = useReferenceLabels();
  const [search, setSearch] = useState("");
  const searchId = useId();
  const chosen = useMemo(() => new Set(value), [value]);
  const participating = states.filter((state) => state.kind === "PARTICIPATING");
  const partners = states.filter((state) => state.kind === "PARTNER");
  const needle = fold(search.trim());
  const matches = (state: StateOption) =>
    needle === "" || fold(labels.state(state)).includes(needle) || fold(state.name).includes(needle) || state.iso2.toLowerCase() === needle;
  const shownParticipating = participating.filter(matches);
  const shownPartners = partners.filter(matches);
  const participatingHidden = allParticipating?.checked ?? false;

  function toggle(id: string, checked: boolean) {
    onChange(checked ? [...value.filter((other) => other !== id), id] : value.filter((other) => other !== id));
  }

  function toggleGroup(group: StateOption[], checked: boolean) {
    const ids = new Set(group.map((state) => state.id));
    const rest = value.filter((id) => !ids.has(id));
    onChange(checked ? [...rest, ...ids] : rest);
  }

  const allChosen = (group: StateOption[]) => group.length > 0 && group.every((state) => chosen.has(state.id));
  const chosenParticipating = participatingHidden ? participating.length : participating.filter((state) => chosen.has(state.id)).length;
  const chosenPartners = partners.filter((state) => chosen.has(state.id)).length;

  return (
    <div className="rec-state-picker stack">
      <div className="field">
        <label htmlFor={searchId}>{t("find")}</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          maxLength={100}
          value={search}
          aria-describedby={`${idPrefix}-state-count`}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search must not submit the surrounding form.
            if (event.key === "Enter") event.preventDefault();
          }}
        />
      </div>
      <p id={`${idPrefix}-state-count`} className="muted" aria-live="polite">
        {t("chosen", {
          groups: [
            participating.length > 0 ? t("chosenParticipating", { chosen: chosenParticipating, count: participating.length }) : null,
            partners.length > 0 ? t("chosenPartners", { chosen: chosenPartners, count: partners.length }) : null,
          ]
            .filter(Boolean)
            .join(", "),
        })}
      </p>

      {participating.length > 0 ? (
        <fieldset aria-describedby={describedById}>
          <legend>{t("participating")}</legend>
          {allParticipating ? (
            <label className="checkbox rec-state-shortcut" htmlFor={`${idPrefix}-all-participating`}>
              <input
                id={`${idPrefix}-all-participating`}
                type="checkbox"
                checked={allParticipating.checked}
                aria-invalid={allParticipating.invalid || undefined}
                onChange={(event) => allParticipating.onChange(event.target.checked)}
              />
              <span>{allParticipating.label}</span>
            </label>
          ) : (
            <GroupShortcut id={`${idPrefix}-all-participating`} checked={allChosen(participating)} onChange={(checked) => toggleGroup(participating, checked)}>
              {t("allParticipatingListed", { count: participating.length })}
            </GroupShortcut>
          )}
          {participatingHidden ? (
            <p className="muted">{t("everyParticipating")}</p>
          ) : shownParticipating.length > 0 ? (
            <StateCheckboxes idPrefix={idPrefix} states={shownParticipating} value={chosen} onToggle={toggle} />
          ) : (
            <p className="muted">{t("noParticipatingMatch", { search: search.trim() })}</p>
          )}
        </fieldset>
      ) : null}

      {partners.length > 0 ? (
        <fieldset aria-describedby={describedById}>
          <legend>{t("partners")}</legend>
          <p className="field-hint">{t("partnersVoluntary")}</p>
          <GroupShortcut id={`${idPrefix}-all-partners`} checked={allChosen(partners)} onChange={(checked) => toggleGroup(partners, checked)}>
            {t("allPartners", { count: partners.length })}
          </GroupShortcut>
          {shownPartners.length > 0 ? (
            <StateCheckboxes idPrefix={idPrefix} states={shownPartners} value={chosen} onToggle={toggle} />
          ) : (
            <p className="muted">{t("noPartnerMatch", { search: search.trim() })}</p>
          )}
        </fieldset>
      ) : null}
    </div>
  );
}

/** A checkbox that chooses (or unchooses) every State of a group at once. */
function GroupShortcut({ id, checked, onChange, children }: { id: string; checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <label className="checkbox rec-state-shortcut" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{children}</span>
    </label>
  );
}
