import "server-only";
import { validationMessage } from "@/server/shared/message-keys";
import { DomainError } from "@/server/services/errors";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/server/shared/locales";

// Content written in one language with translations beside it: the reader sees their language,
// or the original, marked as a fallback; the screens set `lang` from what they are told here.

/** The translations to read with a row for a reader: theirs only. */
export function translationFor(locale: Locale) {
  return { where: { locale } } as const;
}

/** The language of a stored value (the column's check allows only the six). */
export function languageOf(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * What a reader sees of content written in `language`: their translation when there is one, else
 * the original; `isFallback` says the text is not in the reader's language.
 */
export function chooseVersion<T>(original: T, language: string, translation: T | undefined, locale: Locale) {
  const originalLang = languageOf(language);
  if (originalLang === locale || translation === undefined) {
    return { value: original, lang: originalLang, isFallback: originalLang !== locale };
  }
  return { value: translation, lang: locale, isFallback: false };
}

/** A translation into the language the content is written in is refused (the original is that). */
export function refuseOriginalLanguage(translations: { locale: string }[], language: string, field: string) {
  if (translations.some((translation) => translation.locale === language)) {
    throw new DomainError("BAD_REQUEST", "translations.originalLanguage", {
      fieldErrors: { [field]: [validationMessage("translations.originalLanguage")] },
    });
  }
}

/** Empty or blank translations are no translation. */
export function nonBlank<T extends { locale: string }>(translations: T[], text: (item: T) => string) {
  return translations.filter((item) => text(item).trim() !== "");
}
