"use client";

import { useSyncExternalStore } from "react";

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

/**
 * An instant (ISO 8601 text, as the API sends it) in the reader's locale and time zone, with the
 * zone named. The server renders UTC (it cannot know the reader's zone); the browser re-renders
 * in the reader's own.
 */
export function DateTime({ value }: { value: string }) {
  const date = new Date(value);
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(undefined, DATE_TIME),
    () => date.toLocaleString("en-GB", { ...DATE_TIME, timeZone: "UTC" }),
  );
  return <time dateTime={date.toISOString()}>{text}</time>;
}

/** A calendar day (YYYY-MM-DD: due dates, source dates): the same day everywhere, in the reader's locale. */
export function CalendarDate({ value }: { value: string }) {
  const date = new Date(`${value}T00:00:00Z`);
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" }),
    () => date.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" }),
  );
  return <time dateTime={value}>{text}</time>;
}
