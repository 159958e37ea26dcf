// The interface languages: the six official languages of the OSCE. English is the default and the
// reference (its catalog defines the keys every other catalog must have). Client-safe.

export const LOCALES = ["en", "fr", "de", "it", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own name, as the Language select lists it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  it: "Italiano",
  ru: "Русский",
  es: "Español",
};

/** The cookie that keeps a reader's choice (signed in or not); a signed-in user's profile wins. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
