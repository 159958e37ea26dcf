import "server-only";
// The message catalogs: one folder per language, one JSON file per namespace, ICU message syntax.
// English (messages/en) is the reference: every other catalog has exactly its keys and placeholders
// (catalogs.test.ts). Pages get them through next-intl (request.ts); exports, emails and the API's
// error messages through `translatorFor`.
import type { Messages } from "next-intl";
// use-intl is next-intl's own core (no React): these translators also run in the command line.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { referenceLabels } from "@/server/shared/reference-labels";

export const NAMESPACES = [
  "common",
  "layout",
  "auth",
  "account",
  "users",
  "commitments",
  "review",
  "recommendations",
  "sources",
  "dueDates",
  "reports",
  "exports",
  "errors",
  "validation",
  "reference",
  "imports",
  "history",
  "settings",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

const cache = new Map<Locale, Promise<Messages>>();

async function load(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./messages/${locale}/${namespace}.json`)).default] as const),
  );
  return Object.fromEntries(parts) as Messages;
}

/** A language's whole catalog (read once per process). */
export function messagesFor(locale: Locale): Promise<Messages> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = load(locale);
    cache.set(locale, messages);
  }
  return messages;
}

/** Shared formats: percentages as the reports show them (12.5% in English, 12,5 % in French). */
export const FORMATS = {
  number: { percent: { style: "percent", maximumFractionDigits: 1 } },
} as const;

/** Times are shown in UTC on the server (the browser re-renders them in the reader's zone). */
export const TIME_ZONE = "UTC";

/** A translator outside a page (exports, emails, API errors) for one language. */
export async function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: await messagesFor(locale ?? DEFAULT_LOCALE), namespace, formats: FORMATS, timeZone: TIME_ZONE });
}

/** Names of statuses, themes, ODIHR levels, roles and States in one language, outside a page. */
export async function referenceLabelsFor(locale: Locale) {
  return referenceLabels((await messagesFor(locale)).reference, locale);
}
