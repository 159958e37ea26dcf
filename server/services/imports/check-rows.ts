import "server-only";
import {
  ALL_PARTICIPATING,
  CELL_MAX,
  LIST_ITEM_MAX,
  LIST_MAX_ITEMS,
  POSITION_VALUES,
  nameKey,
  splitList,
  type FileColumn,
} from "@/server/schemas/recommendation-file";
import type { FileRow, FileRows } from "@/server/services/imports/read-file";

// The checks a row passes on its own (before the database is asked): required cells, lengths,
// values, dates; and the one check across rows, a reference used twice for the same source.

export type RowProblemKey =
  | "required"
  | "tooLong"
  | "itemTooLong"
  | "tooManyItems"
  | "position"
  | "date"
  | "duplicateReference"
  | "unknownState"
  | "unknownSource"
  | "publishedChanged";
export type RowProblem = { line: number; column: FileColumn; key: RowProblemKey; values?: Record<string, string | number> };

export type UprFields = {
  uprSession: string | null;
  uprWgReport: string | null;
  uprThemeHeading: string | null;
  uprRecommendingStates: string[];
  uprPosition: "SUPPORTED" | "NOTED" | null;
  uprSourceOfPosition: string | null;
  uprGroupsOfPersons: string[];
  uprSdgs: string[];
};

/** Where a row's recommendation belongs: an existing source (own format), or a UPR session's source for one State. */
export type RowSource = { kind: "id"; id: string } | { kind: "title"; title: string } | { kind: "upr"; session: string; state: string };

export type CheckedRow = {
  line: number;
  source: RowSource;
  reference: string;
  text: string;
  /** Theme keys or labels as written. */
  themes: string[];
  addressAllParticipating: boolean;
  /** States as written: names (with the usual variants) or ISO codes. */
  addressees: string[];
  dueDate: string | null;
  upr: UprFields;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly row: FileRow) {}

  private problem(column: FileColumn, key: RowProblemKey, values?: RowProblem["values"]) {
    this.problems.push({ line: this.row.line, column, key, ...(values ? { values } : {}) });
  }

  /** A single-valued cell, trimmed; too long is a problem. */
  text(column: FileColumn, required = false): string {
    const value = (this.row.cells[column] ?? "").trim();
    if (required && value === "") this.problem(column, "required");
    const max = CELL_MAX[column];
    if (max !== undefined && value.length > max) this.problem(column, "tooLong", { max, length: value.length });
    return value;
  }

  optional(column: FileColumn): string | null {
    return this.text(column) || null;
  }

  list(column: FileColumn): string[] {
    const values = splitList(this.row.cells[column] ?? "");
    if (values.length > LIST_MAX_ITEMS) this.problem(column, "tooManyItems", { max: LIST_MAX_ITEMS });
    const long = values.find((value) => value.length > LIST_ITEM_MAX);
    if (long !== undefined) this.problem(column, "itemTooLong", { max: LIST_ITEM_MAX, value: long.slice(0, 40) });
    return [...new Set(values)];
  }

  position(): UprFields["uprPosition"] {
    const value = this.text("position");
    if (value === "") return null;
    const found = (Object.keys(POSITION_VALUES) as (keyof typeof POSITION_VALUES)[]).find((key) => nameKey(POSITION_VALUES[key]) === nameKey(value));
    if (!found) this.problem("position", "position", { value: value.slice(0, 40) });
    return found ?? null;
  }

  day(column: FileColumn): string | null {
    const value = this.text(column);
    if (value === "") return null;
    const match = DAY.exec(value);
    const date = match ? new Date(`${value}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      this.problem(column, "date", { value: value.slice(0, 40) });
      return null;
    }
    return value;
  }

  upr(): UprFields {
    return {
      uprSession: this.optional("session"),
      uprWgReport: this.optional("wg_report"),
      uprThemeHeading: this.optional("theme_heading"),
      uprRecommendingStates: this.list("recommending_states"),
      uprPosition: this.position(),
      uprSourceOfPosition: this.optional("source_of_position"),
      uprGroupsOfPersons: this.list("groups_of_persons"),
      uprSdgs: this.list("sdgs"),
    };
  }
}

function checkOwnRow(row: FileRow): { row: CheckedRow; problems: RowProblem[] } {
  const read = new RowReader(row);
  const sourceId = read.text("source_id");
  const sourceTitle = read.text("source");
  if (sourceId === "" && sourceTitle === "") read.text("source", true);
  if (sourceId !== "" && !UUID.test(sourceId)) read.problems.push({ line: row.line, column: "source_id", key: "unknownSource", values: { value: sourceId.slice(0, 40) } });
  const addressees = read.list("addressees");
  const all = addressees.some((value) => value.toLowerCase() === ALL_PARTICIPATING);
  const checked: CheckedRow = {
    line: row.line,
    source: sourceId !== "" ? { kind: "id", id: sourceId.toLowerCase() } : { kind: "title", title: sourceTitle },
    reference: read.text("reference", true),
    text: read.text("text", true),
    themes: read.list("themes"),
    addressAllParticipating: all,
    addressees: addressees.filter((value) => value.toLowerCase() !== ALL_PARTICIPATING),
    dueDate: read.day("due_date"),
    upr: read.upr(),
  };
  if (!all && checked.addressees.length === 0) read.text("addressees", true);
  return { row: checked, problems: read.problems };
}

function checkUprRow(row: FileRow): { row: CheckedRow; problems: RowProblem[] } {
  const read = new RowReader(row);
  const state = read.text("state_under_review", true);
  const upr = read.upr();
  if (!upr.uprSession) read.text("session", true);
  return {
    row: {
      line: row.line,
      source: { kind: "upr", session: upr.uprSession ?? "", state },
      reference: read.text("ref", true),
      text: read.text("text", true),
      themes: read.list("themes"),
      addressAllParticipating: false,
      addressees: state ? [state] : [],
      dueDate: null,
      upr,
    },
    problems: read.problems,
  };
}

/** The key of the source a row names, as written (before the database resolves it). */
export function sourceKeyOf(source: RowSource): string {
  if (source.kind === "id") return `id:${source.id}`;
  if (source.kind === "title") return `title:${source.title}`;
  return `upr:${nameKey(source.session)}/${nameKey(source.state)}`;
}

/** Checks every row on its own, then references used twice for the same source. */
export function checkRows(file: FileRows): { rows: CheckedRow[]; problems: RowProblem[] } {
  const rows: CheckedRow[] = [];
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  const referenceColumn = file.format === "upr" ? "ref" : "reference";
  for (const fileRow of file.rows) {
    const checked = file.format === "upr" ? checkUprRow(fileRow) : checkOwnRow(fileRow);
    problems.push(...checked.problems);
    rows.push(checked.row);
    if (checked.row.reference === "") continue;
    const key = `${sourceKeyOf(checked.row.source)}#${checked.row.reference}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, fileRow.line);
    else problems.push({ line: fileRow.line, column: referenceColumn, key: "duplicateReference", values: { reference: checked.row.reference, first } });
  }
  return { rows, problems };
}
