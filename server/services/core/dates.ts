// Calendar dates and times as the services and their SQL handle them: a calendar date (a `date`
// column, a due date, an "as of" day) is a YYYY-MM-DD string or UTC midnight of it, compared in
// UTC; a time is a Date or its ISO 8601 UTC text.
import "server-only";
import { Prisma } from "@/prisma/generated/client";

/** UTC midnight of today: dates are calendar dates, compared in UTC. */
export function startOfTodayUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Today in UTC as YYYY-MM-DD. */
export function todayIsoUtc(now = new Date()): string {
  return isoDay(startOfTodayUtc(now));
}

/** A Date's calendar day in UTC as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as UTC midnight, as a `date` column stores it. */
export function startOfDayUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The last millisecond of a YYYY-MM-DD day in UTC ("as of the end of that day"). */
export function endOfDayUtc(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/** A calendar date as PostgreSQL reads it, independent of the session's time zone. */
export function sqlDate(date: Date): Prisma.Sql {
  return Prisma.sql`${isoDay(date)}::date`;
}

/** A `date` column as YYYY-MM-DD text, formatted by PostgreSQL. */
export const sqlIsoDay = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;

/** A `timestamptz` column as ISO 8601 UTC text with milliseconds, as `Date.toISOString()` writes it. */
export const sqlIsoTime = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
