"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";

const subscribe = () => () => undefined;

// dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

/** The page's language as a formatting locale: English as the OSCE writes it (British: 3 Dec 2026, 14:05). */
function useDateLocale(): string {
  const locale = useLocale();
  return locale === "en" ? "en-GB" : locale;
}

/**
 * An instant (ISO 8601 text, as the API sends it) in the page's language and the reader's time
 * zone, with the zone named. The server renders UTC (it cannot know the reader's zone); the browser re-renders
 * in the reader's own.
 */
export function DateTime({ value }: { value: string }) {
  const locale = useDateLocale();
  const date = new Date(value);
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(locale, DATE_TIME),
    () => date.toLocaleString(locale, { ...DATE_TIME, timeZone: "UTC" }),
  );
  return <time dateTime={date.toISOString()}>{text}</time>;
}

/** A calendar day (YYYY-MM-DD: due dates, source dates): the same day everywhere, in the page's language. */
export function CalendarDate({ value }: { value: string }) {
  const locale = useDateLocale();
  const date = new Date(`${value}T00:00:00Z`);
  // Rendered again in the browser, whose date data may word it slightly differently from the server's.
  const format = () => date.toLocaleDateString(locale, { dateStyle: "medium", timeZone: "UTC" });
  const text = useSyncExternalStore(subscribe, format, format);
  return <time dateTime={value}>{text}</time>;
}
