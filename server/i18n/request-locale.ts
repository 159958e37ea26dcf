import "server-only";
import { cookies, headers } from "next/headers";
import { readPageActor } from "@/server/auth/page-session";
import { chooseLocale } from "@/server/i18n/negotiate";
import { LOCALE_COOKIE, type Locale } from "@/server/shared/locales";

/**
 * The language of the page being rendered: the user's choice, the cookie, the browser's. With the
 * database down the user's choice is unknown: the cookie and the browser decide (the page itself
 * reports the outage).
 */
export async function pageLocale(): Promise<Locale> {
  const [actor, cookieStore, headerList] = await Promise.all([readPageActor().catch(() => null), cookies(), headers()]);
  return chooseLocale({ profile: actor?.locale, cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get("accept-language") });
}
