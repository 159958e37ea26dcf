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
 * Date and time in the reader's locale and time zone, with the zone named. The server renders
 * UTC (it cannot know the reader's zone); the browser re-renders in the reader's own.
 */
export function DateTime({ value }: { value: Date | string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString(undefined, DATE_TIME),
    () => date.toLocaleString("en-GB", { ...DATE_TIME, timeZone: "UTC" }),
  );
  return <time dateTime={date.toISOString()}>{text}</time>;
}

/** A calendar date (due dates, source dates): the same day everywhere, in the reader's locale. */
export function CalendarDate({ value }: { value: Date | string }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" }),
    () => date.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" }),
  );
  return <time dateTime={date.toISOString().slice(0, 10)}>{text}</time>;
}
