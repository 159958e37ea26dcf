import "server-only";
// The API's own words in every language, at hand without waiting: the `errors` and `validation`
// catalogs of the six languages, read when the server starts. Refusals (DomainError), the checks of
// the input schemas and the protocol's messages are translated with these, in the reader's language
// (the tRPC context's `locale`) or in English for logs, tests and the command line.
import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";
import { createTranslator } from "use-intl/core";
import { FORMATS, TIME_ZONE } from "@/server/i18n/catalogs";
import { translateMessage, type MessageValues, type ValidationTranslator } from "@/server/shared/message-keys";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import deErrors from "@/server/i18n/messages/de/errors.json";
import deValidation from "@/server/i18n/messages/de/validation.json";
import enErrors from "@/server/i18n/messages/en/errors.json";
import enValidation from "@/server/i18n/messages/en/validation.json";
import esErrors from "@/server/i18n/messages/es/errors.json";
import esValidation from "@/server/i18n/messages/es/validation.json";
import frErrors from "@/server/i18n/messages/fr/errors.json";
import frValidation from "@/server/i18n/messages/fr/validation.json";
import itErrors from "@/server/i18n/messages/it/errors.json";
import itValidation from "@/server/i18n/messages/it/validation.json";
import ruErrors from "@/server/i18n/messages/ru/errors.json";
import ruValidation from "@/server/i18n/messages/ru/validation.json";

const CATALOGS: Record<Locale, { errors: typeof enErrors; validation: typeof enValidation }> = {
  en: { errors: enErrors, validation: enValidation },
  fr: { errors: frErrors, validation: frValidation },
  de: { errors: deErrors, validation: deValidation },
  it: { errors: itErrors, validation: itValidation },
  ru: { errors: ruErrors, validation: ruValidation },
  es: { errors: esErrors, validation: esValidation },
};

function translators(locale: Locale) {
  // Only these two namespaces are here; the translators never reach for another.
  const messages = CATALOGS[locale] as unknown as Messages;
  return {
    errors: createTranslator({ locale, messages, namespace: "errors", formats: FORMATS, timeZone: TIME_ZONE }),
    validation: createTranslator({ locale, messages, namespace: "validation", formats: FORMATS, timeZone: TIME_ZONE }),
  };
}

const cache = new Map<Locale, ReturnType<typeof translators>>();

function translatorsOf(locale: Locale = DEFAULT_LOCALE) {
  let found = cache.get(locale);
  if (!found) {
    found = translators(locale);
    cache.set(locale, found);
  }
  return found;
}

/** A key of the `errors` catalog, as the services name their refusals. */
export type ErrorKey = MessageKeys<typeof enErrors, NestedKeyOf<typeof enErrors>>;

/** An error message (a key of the `errors` catalog and its values) in a language, English by default. */
export function errorText(key: ErrorKey, values?: MessageValues, locale?: Locale): string {
  return (translatorsOf(locale).errors as unknown as (key: string, values?: MessageValues) => string)(key, values);
}

/** A validation message (a schema's check, a service's field error) in a language, English by default; other text unchanged. */
export function validationText(message: string, locale?: Locale): string {
  return translateMessage(translatorsOf(locale).validation as unknown as ValidationTranslator, message);
}

/** Field errors by path, each message in a language. */
export function validationTexts(fieldErrors: Record<string, string[]>, locale?: Locale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([path, messages]) => [path, messages.map((message) => validationText(message, locale))]));
}
