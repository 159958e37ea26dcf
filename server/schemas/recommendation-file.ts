// The recommendation file formats: the one definition of their columns, limits and cell syntax,
// which the recommendations export writes and the importer reads. Client-safe (plain values).
import { RECOMMENDATION_TEXT_MAX, REFERENCE_MAX } from "@/server/schemas/limits";

/** Files larger than this are refused before they are read. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Rows (besides the header) one file may hold. */
export const IMPORT_MAX_ROWS = 5_000;

/** Several values in one cell are separated by this (themes, States, SDGs, ...). */
export const LIST_SEPARATOR = ";";

/** The UPR fields a recommendation keeps, by their column names (the same in both formats). */
export const UPR_FIELD_COLUMNS = [
  "session",
  "wg_report",
  "theme_heading",
  "recommending_states",
  "position",
  "source_of_position",
  "groups_of_persons",
  "sdgs",
] as const;

/**
 * The project's own format, exactly as the recommendations export writes it (the header row is
 * these keys, in every language). `source_id` names the source (the `source` title is read when
 * the id is empty); rows match existing recommendations by source and reference. `status` is
 * written for the reader and not read back: imported recommendations are drafts.
 */
export const OWN_COLUMNS = [
  "source_id",
  "source",
  "reference",
  "text",
  "themes",
  "addressees",
  "due_date",
  "status",
  ...UPR_FIELD_COLUMNS,
] as const;

/** The UN's UPR recommendation database export: one recommendation per row. */
export const UPR_COLUMNS = [
  "ref",
  "state_under_review",
  "session",
  "wg_report",
  "theme_heading",
  "text",
  "recommending_states",
  "position",
  "source_of_position",
  "themes",
  "groups_of_persons",
  "sdgs",
] as const;

export type OwnColumn = (typeof OWN_COLUMNS)[number];
export type UprColumn = (typeof UPR_COLUMNS)[number];
export type FileColumn = OwnColumn | UprColumn;
export type FileFormat = "own" | "upr";

/** The cell written in `addressees` for "every participating State". */
export const ALL_PARTICIPATING = "all";

/** The values of `position` (and of `status` in the own format), as written in files. */
export const POSITION_VALUES = { SUPPORTED: "Supported", NOTED: "Noted" } as const;
export const STATUS_VALUES = { DRAFT: "draft", PUBLISHED: "published" } as const;

/** The longest value each single-valued cell may hold; list cells limit each value. */
export const CELL_MAX: Partial<Record<FileColumn, number>> = {
  reference: REFERENCE_MAX,
  ref: REFERENCE_MAX,
  text: RECOMMENDATION_TEXT_MAX,
  source: 300,
  session: 300,
  wg_report: 300,
  theme_heading: 300,
  source_of_position: 300,
};
export const LIST_ITEM_MAX = 200;
export const LIST_MAX_ITEMS = 100;

/** The format a header row names: its cells, trimmed and lower-cased, are exactly one format's columns (any order). */
export function recogniseHeader(header: string[]): FileFormat | null {
  const cells = header.map((cell) => cell.trim().toLowerCase());
  const same = (columns: readonly string[]) => cells.length === columns.length && columns.every((column) => cells.includes(column));
  if (same(OWN_COLUMNS)) return "own";
  if (same(UPR_COLUMNS)) return "upr";
  return null;
}

/** The values of a list cell: split at `;`, trimmed, blanks dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

export function joinList(values: readonly string[]): string {
  return values.join(`${LIST_SEPARATOR} `);
}

/** A name compared without case, accents, punctuation or a leading "the". */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Other English names of States in UN and OSCE documents, by ISO alpha-2 code. */
export const STATE_NAME_VARIANTS: Record<string, string[]> = {
  TR: ["Turkey", "Republic of Türkiye", "Republic of Turkey"],
  MD: ["Republic of Moldova", "Moldova, Republic of"],
  NL: ["Netherlands", "Netherlands (Kingdom of the)", "Kingdom of the Netherlands"],
  GB: ["United Kingdom of Great Britain and Northern Ireland", "UK"],
  US: ["United States", "USA"],
  VA: ["Holy See (Vatican City State)", "Vatican"],
  RU: ["Russia"],
  CZ: ["Czech Republic"],
  SK: ["Slovak Republic"],
  KG: ["Kyrgyz Republic"],
  MK: ["Republic of North Macedonia", "The former Yugoslav Republic of Macedonia"],
  KR: ["Korea", "Korea, Republic of", "South Korea"],
  BA: ["Bosnia-Herzegovina"],
};

/** The `nameKey`s a State answers to: its name, its ISO codes and the variants above. */
export function stateNameKeys(state: { name: string; iso2: string; iso3: string }): string[] {
  return [state.name, state.iso2, state.iso3, ...(STATE_NAME_VARIANTS[state.iso2] ?? [])].map(nameKey);
}

/** The ordinal of a UPR session number in English ("48th", "1st", "22nd", "13th"). */
export function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[value % 10] ?? "th";
  return `${value}${suffix}`;
}

/** The title of the source of a UPR session's recommendations to one State: "UPR 48th session: Slovenia". */
export function uprSourceTitle(session: string, stateName: string): string {
  const number = /session\s+(\d+)/i.exec(session)?.[1] ?? /(\d+)/.exec(session)?.[1];
  return number ? `UPR ${ordinal(Number(number))} session: ${stateName}` : `UPR ${session}: ${stateName}`;
}
