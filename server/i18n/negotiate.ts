import "server-only";
// Which language a request gets: the signed-in user's choice, else the reader's cookie, else the
// best match of the browser's Accept-Language, else English.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "@/server/shared/locales";

/** The best of the six languages for an Accept-Language header (English when none fits). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": header } }).languages().filter((tag) => tag !== "*");
  try {
    // "lookup", not CLDR's best fit: a language only matches itself (best fit would serve Russian
    // to a Ukrainian or Belarusian browser).
    const best = match(requested, LOCALES as unknown as string[], DEFAULT_LOCALE, { algorithm: "lookup" });
    return isLocale(best) ? best : DEFAULT_LOCALE;
  } catch {
    // A malformed tag in the header: fall back rather than fail the page.
    return DEFAULT_LOCALE;
  }
}

export function chooseLocale(input: { profile: string | null | undefined; cookie: string | null | undefined; acceptLanguage: string | null | undefined }): Locale {
  if (isLocale(input.profile)) return input.profile;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage);
}
