import "server-only";

/** Prisma passes `contains` to LIKE as is: escaped, `%` and `_` in a search match literally. */
export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
