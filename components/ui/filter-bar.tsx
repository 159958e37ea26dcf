import type { FormEvent, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

export type SelectOption = { value: string; label: string };
export type OptionGroup = { label: string; options: SelectOption[] };

/**
 * A row of labelled filters as a GET form: the URL parameters are the controls' names, so the
 * filters work without JavaScript, and a filtered view can be shared and bookmarked. Screens that
 * apply filters in place pass `onSubmit` (and prevent the default).
 */
export function FilterBar({
  label,
  className,
  action,
  hidden = {},
  onSubmit,
  children,
}: {
  label: string;
  className?: string;
  action?: string;
  /** Parameters the form keeps as they are (the sort, the periods). */
  hidden?: Record<string, string>;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form role="search" aria-label={label} method="get" action={action} className={className ? `filters ${className}` : "filters"} onSubmit={onSubmit}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

/**
 * A labelled select: the label names it for screen readers and for clicking. `allLabel` is the
 * first choice, the empty value ("All sources"). Controlled with `value` and `onChange`, or left
 * to the browser with `defaultValue` in a plain GET form.
 */
export function FilterSelect({
  id,
  name,
  label,
  allLabel,
  options = [],
  groups = [],
  value,
  defaultValue,
  onChange,
}: {
  id: string;
  name?: string;
  label: string;
  allLabel?: string;
  options?: SelectOption[];
  /** Options under headings (`<optgroup>`); a group without options is left out. */
  groups?: OptionGroup[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} defaultValue={defaultValue} onChange={onChange ? (event) => onChange(event.target.value) : undefined}>
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        <SelectOptions options={options} />
        <OptionGroups groups={groups} />
      </select>
    </div>
  );
}

function SelectOptions({ options }: { options: SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A labelled search box that filters as the reader types (the list waits for a pause). */
export function FilterSearch({ id, placeholder, value, onChange }: { id: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  const t = useTranslations("common");
  return (
    <div className="field">
      <label htmlFor={id}>{t("search")}</label>
      <input id={id} type="search" maxLength={200} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** "Clear filters", shown while a filter is set. */
export function ClearFilters({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  const t = useTranslations("common");
  return shown ? (
    <button type="button" className="button button-secondary" onClick={onClear}>
      {t("clearFilters")}
    </button>
  ) : null;
}

/** `<optgroup>`s of options; a group without options is left out. */
export function OptionGroups({ groups }: { groups: OptionGroup[] }) {
  return groups
    .filter((group) => group.options.length > 0)
    .map((group) => (
      <optgroup key={group.label} label={group.label}>
        <SelectOptions options={group.options} />
      </optgroup>
    ));
}

type StateChoice = { name: string; iso2?: string; kind: "PARTICIPATING" | "PARTNER" };
/** The headings of the State choices and the States' names, in the reader's language. */
export type StateGroupWords = { participating: string; partners: string; name: (state: StateChoice) => string };

const ENGLISH_STATE_GROUPS: StateGroupWords = { participating: "Participating States", partners: "Partners for Co-operation", name: (state) => state.name };

/**
 * States as choices under two headings: the participating States, then the Partners for
 * Co-operation. Components take `words` from useStateOptionGroups (the reader's language).
 */
export function stateOptionGroups<S extends StateChoice>(states: readonly S[], value: (state: S) => string, words: StateGroupWords = ENGLISH_STATE_GROUPS): OptionGroup[] {
  const ofKind = (kind: S["kind"]) => toOptions(states.filter((state) => state.kind === kind), value, words.name);
  return [
    { label: words.participating, options: ofKind("PARTICIPATING") },
    { label: words.partners, options: ofKind("PARTNER") },
  ];
}

/** stateOptionGroups in the reader's language: the headings, and each State's name (by its ISO code when given). */
export function useStateOptionGroups<S extends StateChoice>(states: readonly S[], value: (state: S) => string): OptionGroup[] {
  const t = useTranslations("common.stateGroups");
  const labels = useReferenceLabels();
  const name = (state: StateChoice) => (state.iso2 ? labels.state({ iso2: state.iso2, name: state.name }) : state.name);
  return stateOptionGroups(states, value, { participating: t("participating"), partners: t("partners"), name });
}

/** Choices from records: `toOptions(sources, (s) => s.id, (s) => s.title)`. */
export function toOptions<T>(items: readonly T[], value: (item: T) => string, label: (item: T) => string): SelectOption[] {
  return items.map((item) => ({ value: value(item), label: label(item) }));
}

/** The sources as choices: their id, their title (or a fuller label). */
export function sourceOptions<S extends { id: string; title: string }>(sources: readonly S[], label: (source: S) => string = (source) => source.title) {
  return toOptions(sources, (source) => source.id, label);
}

/** The themes as choices: their key, their label. */
export function themeOptions(themes: readonly { key: string; label: string }[]) {
  return toOptions(themes, (theme) => theme.key, (theme) => theme.label);
}
