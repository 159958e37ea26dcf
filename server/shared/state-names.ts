// States' names in the reader's language. English names are the OSCE's own (the State table, from
// the OSCE list); other languages come from the Unicode CLDR region names that Intl.DisplayNames
// carries, except where the OSCE names a State differently (the overrides below, checked against
// the OSCE's and the UN's terminology). Client-safe.
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";

/** Where CLDR's name is not the one the OSCE uses in that language. */
export const STATE_NAME_OVERRIDES: Partial<Record<Locale, Record<string, string>>> = {
  fr: {
    RU: "Fédération de Russie",
    US: "États-Unis d'Amérique",
    VA: "Saint-Siège",
    TR: "Türkiye",
  },
  de: {
    RU: "Russische Föderation",
    US: "Vereinigte Staaten von Amerika",
    VA: "Heiliger Stuhl",
  },
  it: {
    RU: "Federazione Russa",
    US: "Stati Uniti d'America",
    VA: "Santa Sede",
  },
  ru: {
    RU: "Российская Федерация",
    US: "Соединенные Штаты Америки",
    VA: "Святой Престол",
  },
  es: {
    RU: "Federación de Rusia",
    US: "Estados Unidos de América",
    VA: "Santa Sede",
    TR: "Türkiye",
  },
};

const displayNames = new Map<Locale, Intl.DisplayNames>();

/**
 * A State's name in `locale`: the OSCE's English name (as stored) in English, the override or the
 * CLDR name otherwise, and the English name when neither knows the code.
 */
export function stateName(iso2: string, englishName: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return englishName;
  const override = STATE_NAME_OVERRIDES[locale]?.[iso2];
  if (override) return override;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    displayNames.set(locale, names);
  }
  return names.of(iso2) ?? englishName;
}

const collators = new Map<Locale, Intl.Collator>();

/**
 * `states` (or items naming one, `stateOf`) in the order of their names in `locale`, as a reader of that language expects
 * (Cyrillic alphabetical order in Russian, "É" beside "E" in French); a new array. The sort is
 * stable, so a later sort by another key keeps this order among equals.
 */
export function sortStatesByName<T>(
  states: readonly T[],
  locale: Locale,
  stateOf: (item: T) => { iso2: string; name: string } = (item) => item as { iso2: string; name: string },
): T[] {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  const { compare } = collator;
  return states
    .map((state) => ({ state, name: stateName(stateOf(state).iso2, stateOf(state).name, locale) }))
    .sort((a, b) => compare(a.name, b.name))
    .map(({ state }) => state);
}
