import "server-only";
import { cookies, headers } from "next/headers";
import { getPageActor } from "@/server/auth/page-session";
import { chooseLocale } from "@/server/i18n/negotiate";
import { LOCALE_COOKIE, type Locale } from "@/server/shared/locales";

/** The language of the page being rendered: the user's choice, the cookie, the browser's. */
export async function pageLocale(): Promise<Locale> {
  const [actor, cookieStore, headerList] = await Promise.all([getPageActor(), cookies(), headers()]);
  return chooseLocale({ profile: actor?.locale, cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get("accept-language") });
}
