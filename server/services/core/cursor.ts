// The page cursor of every keyset-paged list: the last row's sort key as base64url JSON. Opaque to
// the client; the list that reads it checks it against its own schema, so a tampered or foreign
// cursor is refused (never a database error).

/** What `decodeCursor` checks a cursor with (a zod schema, for example). */
type CursorSchema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/** A cursor for `value` (the sort key of the last row of a page, with its id). */
import "server-only";
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The cursor's value when it is base64url JSON that `schema` accepts; otherwise null. */
export function decodeCursor<T>(raw: string, schema: CursorSchema<T>): T | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : null;
}
