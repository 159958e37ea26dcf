import { unavailablePageResponse } from "@/server/platform/unavailable-page";
import { chooseLocale } from "@/server/i18n/negotiate";
import { LOCALE_COOKIE } from "@/server/shared/locales";

export const dynamic = "force-dynamic";

const COOKIE = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** "Service unavailable" (503) for pages that could not reach the database, in the reader's language (no profile: no database). */
export function GET(req: Request) {
  const locale = chooseLocale({ profile: null, cookie: COOKIE.exec(req.headers.get("cookie") ?? "")?.[1], acceptLanguage: req.headers.get("accept-language") });
  return unavailablePageResponse(new URL(req.url), locale);
}
