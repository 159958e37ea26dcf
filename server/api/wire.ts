import "server-only";
// One date representation on the wire: every procedure's result is plain JSON, the same through
// HTTP and through the server caller pages use. A calendar day (a `date` column: a source's date,
// a due date) travels as YYYY-MM-DD; an instant (a `timestamptz` column) as ISO 8601 UTC text, as
// `Date.toISOString()` writes it. The routers pass each result through `wire`; root.ts fails the
// build if a procedure's output type still holds a Date (or anything else JSON cannot carry).
import { isoDay } from "@/server/services/core/dates";

/** The fields stored as a `date` column (prisma/schema.prisma's `@db.Date`; wire.test.ts checks). */
export const DAY_FIELDS: ReadonlySet<string> = new Set(["date", "dueDate"]);

/** A value as it travels: Dates become strings, everything else stays as it is. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

function toWire(value: unknown, key: string | undefined): unknown {
  if (value instanceof Date) return key !== undefined && DAY_FIELDS.has(key) ? isoDay(value) : value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toWire(item, undefined));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(value)) out[field] = toWire(item, field);
    return out;
  }
  return value;
}

/** A procedure's result as it goes on the wire. */
export async function wire<T>(result: T | Promise<T>): Promise<Wire<T>> {
  return toWire(await result, undefined) as Wire<T>;
}

type Path<P extends string, K extends string> = P extends "" ? K : `${P}.${K}`;

/** The paths in T that JSON cannot carry as they are (Date, Map, Set, bigint, functions). */
export type NonJsonPaths<T, P extends string = ""> = T extends Date | Map<unknown, unknown> | Set<unknown> | bigint | ((...args: never[]) => unknown)
  ? P
  : T extends readonly (infer U)[]
    ? NonJsonPaths<U, `${P}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: NonJsonPaths<T[K], Path<P, K>> }[keyof T & string]
      : never;
