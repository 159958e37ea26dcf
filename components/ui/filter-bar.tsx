import type { FormEvent, ReactNode } from "react";

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
  return (
    <div className="field">
      <label htmlFor={id}>Search</label>
      <input id={id} type="search" maxLength={200} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** "Clear filters", shown while a filter is set. */
export function ClearFilters({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  return shown ? (
    <button type="button" className="button button-secondary" onClick={onClear}>
      Clear filters
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

/** States as choices under two headings: the participating States, then the Partners for Co-operation. */
export function stateOptionGroups<S extends { name: string; kind: "PARTICIPATING" | "PARTNER" }>(states: readonly S[], value: (state: S) => string): OptionGroup[] {
  const ofKind = (kind: S["kind"]) => toOptions(states.filter((state) => state.kind === kind), value, (state) => state.name);
  return [
    { label: "Participating States", options: ofKind("PARTICIPATING") },
    { label: "Partners for Co-operation", options: ofKind("PARTNER") },
  ];
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
