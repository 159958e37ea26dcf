import "server-only";
// next-intl's request configuration (next.config.js points at this file): the language, catalog,
// formats and time zone of every page, with no locale in the URL.
import { getRequestConfig } from "next-intl/server";
import { FORMATS, TIME_ZONE, messagesFor } from "@/server/i18n/catalogs";
import { pageLocale } from "@/server/i18n/request-locale";

export default getRequestConfig(async () => {
  const locale = await pageLocale();
  return { locale, messages: await messagesFor(locale), formats: FORMATS, timeZone: TIME_ZONE };
});
