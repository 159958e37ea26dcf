import "server-only";
import type { Tx } from "@/server/db/client";
import { nameKey, stateNameKeys, uprSourceTitle, type FileColumn, type FileFormat } from "@/server/schemas/recommendation-file";
import { uprFieldsSelect } from "@/server/services/recommendations/reading";
import { sourceKeyOf, type CheckedRow, type RowProblem, type UprFields } from "@/server/services/imports/check-rows";

// What importing checked rows would do, read from the database: each row's source (found, or a
// UPR source to create), its recommendation (new, changed or unchanged), the themes to create, and
// the problems only the database can tell (unknown States and sources, published recommendations
// that a row would change).

type StateRow = { id: string; name: string; iso2: string; iso3: string };
type ThemeRow = { id: string; key: string; label: string };

/** A source the import creates: one per UPR session and State. */
export type NewSource = { key: string; title: string; session: string; stateName: string };
/** A theme the import creates, from a name no theme has. */
export type NewTheme = { key: string; label: string };

export type RecommendationValues = UprFields & {
  text: string;
  addressAllParticipating: boolean;
  dueDate: string | null;
  /** Theme keys, sorted. */
  themeKeys: string[];
  /** State ids, sorted. */
  addresseeIds: string[];
};

export type PlannedRow = {
  line: number;
  reference: string;
  /** An existing source's id, or the key of a NewSource. */
  source: { id: string; title: string } | { newKey: string; title: string };
  outcome: "new" | "changed" | "unchanged" | "error";
  /** The file's columns whose values differ from the stored recommendation. */
  changedColumns: FileColumn[];
  existing: { id: string; version: number } | null;
  values: RecommendationValues;
  /** UPR rows leave the due date as it is (the UPR format has none). */
  keepsDueDate: boolean;
};

export type ImportPlan = {
  format: FileFormat;
  rows: PlannedRow[];
  problems: RowProblem[];
  newSources: NewSource[];
  newThemes: NewTheme[];
};

const existingSelect = {
  id: true,
  sourceId: true,
  reference: true,
  text: true,
  publication: true,
  version: true,
  addressAllParticipating: true,
  dueDate: true,
  ...uprFieldsSelect,
  themes: { select: { theme: { select: { key: true } } } },
  addressees: { select: { stateId: true } },
} as const;

/** The own format's column of each field that is not a UPR field (a UPR field's column is its name in snake case). */
const OWN_FIELD_COLUMNS: Record<"text" | "themeKeys" | "addressAllParticipating" | "addresseeIds" | "dueDate", FileColumn> = {
  text: "text",
  themeKeys: "themes",
  addressAllParticipating: "addressees",
  addresseeIds: "addressees",
  dueDate: "due_date",
};

/** Which column of a format holds a field (for "what changed" and the problems). */
function columnOf(field: keyof RecommendationValues, format: FileFormat): FileColumn {
  if (field.startsWith("upr")) return field.slice(3).replace(/[A-Z]/g, (letter, index: number) => `${index > 0 ? "_" : ""}${letter.toLowerCase()}`) as FileColumn;
  const column = OWN_FIELD_COLUMNS[field as keyof typeof OWN_FIELD_COLUMNS];
  // The UPR format names the addressee in state_under_review, and has no due date.
  return format === "upr" && column === "addressees" ? "state_under_review" : column;
}

const FIELDS: (keyof RecommendationValues)[] = [
  "text",
  "themeKeys",
  "addressAllParticipating",
  "addresseeIds",
  "dueDate",
  ...(Object.keys(uprFieldsSelect) as (keyof typeof uprFieldsSelect)[]),
];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A theme key made from a name: lower case, letters and digits joined by dashes, starting with a letter. */
function themeKeyFor(label: string, taken: Set<string>): string {
  const base = `${/^[a-z]/.test(nameKey(label)) ? "" : "t-"}${nameKey(label)
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}`.slice(0, 44) || "theme";
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

class Resolver {
  private readonly states = new Map<string, StateRow>();
  private readonly themes = new Map<string, ThemeRow | NewTheme>();
  private readonly takenThemeKeys: Set<string>;
  readonly newThemes: NewTheme[] = [];

  constructor(states: StateRow[], themes: ThemeRow[]) {
    for (const state of states) for (const key of stateNameKeys(state)) this.states.set(key, state);
    for (const theme of themes) {
      this.themes.set(theme.key, theme);
      this.themes.set(nameKey(theme.label), theme);
    }
    this.takenThemeKeys = new Set(themes.map((theme) => theme.key));
  }

  state(name: string): StateRow | undefined {
    return this.states.get(nameKey(name));
  }

  /** A theme's key by its key or label; a name no theme has becomes a new theme. */
  themeKey(name: string): string {
    const found = this.themes.get(name) ?? this.themes.get(nameKey(name));
    if (found) return found.key;
    const created = { key: themeKeyFor(name, this.takenThemeKeys), label: name.slice(0, 100) };
    this.newThemes.push(created);
    this.themes.set(nameKey(name), created);
    return created.key;
  }
}

/** Plans the import of checked rows; reads only. `problems` holds the rows' own problems already found. */
export async function planImport(tx: Tx, format: FileFormat, checked: CheckedRow[], rowProblems: RowProblem[]): Promise<ImportPlan> {
  const problems = [...rowProblems];
  const failedLines = new Set(problems.map((item) => item.line));
  // One connection per transaction: queries run one after the other.
  const states = await tx.state.findMany({ select: { id: true, name: true, iso2: true, iso3: true } });
  const themes = await tx.theme.findMany({ select: { id: true, key: true, label: true } });
  const resolve = new Resolver(states, themes);
  const problem = (line: number, column: FileColumn, key: RowProblem["key"], values?: RowProblem["values"]) => {
    problems.push({ line, column, key, ...(values ? { values } : {}) });
    failedLines.add(line);
  };

  // Sources: by id, by title, or the UPR session's source for the State (created when missing).
  const ids = [...new Set(checked.flatMap((row) => (row.source.kind === "id" ? [row.source.id] : [])))];
  const titles = new Set<string>();
  const uprTitles = new Map<string, { title: string; session: string; stateName: string }>();
  for (const row of checked) {
    if (row.source.kind === "title" && row.source.title) titles.add(row.source.title);
    if (row.source.kind === "upr") {
      const state = resolve.state(row.source.state);
      if (state && row.source.session) {
        const title = uprSourceTitle(row.source.session, state.name);
        uprTitles.set(sourceKeyOf(row.source), { title, session: row.source.session, stateName: state.name });
        titles.add(title);
      }
    }
  }
  const sources = await tx.source.findMany({
    where: { OR: [{ id: { in: ids } }, { title: { in: [...titles] } }] },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const sourceByTitle = new Map<string, { id: string; title: string }>();
  for (const source of sources) if (!sourceByTitle.has(source.title)) sourceByTitle.set(source.title, source);
  const newSources = new Map<string, NewSource>();

  const rowSources = checked.map((row): PlannedRow["source"] | null => {
    if (row.source.kind === "id") {
      const found = sourceById.get(row.source.id);
      if (!found) problem(row.line, "source_id", "unknownSource", { value: row.source.id });
      return found ?? null;
    }
    if (row.source.kind === "title") {
      const found = sourceByTitle.get(row.source.title);
      if (!found && row.source.title) problem(row.line, "source", "unknownSource", { value: row.source.title.slice(0, 60) });
      return found ?? null;
    }
    const upr = uprTitles.get(sourceKeyOf(row.source));
    if (!upr) {
      if (row.source.state) problem(row.line, "state_under_review", "unknownState", { value: row.source.state.slice(0, 60) });
      return null;
    }
    const found = sourceByTitle.get(upr.title);
    if (found) return found;
    const key = sourceKeyOf(row.source);
    if (!newSources.has(key)) newSources.set(key, { key, title: upr.title, session: upr.session, stateName: upr.stateName });
    return { newKey: key, title: upr.title };
  });

  // The stored recommendations the rows name.
  const existingRows = await tx.recommendation.findMany({
    where: {
      sourceId: { in: [...new Set(rowSources.flatMap((source) => (source && "id" in source ? [source.id] : [])))] },
      reference: { in: [...new Set(checked.map((row) => row.reference))] },
    },
    select: existingSelect,
  });
  const existingByKey = new Map(existingRows.map((row) => [`${row.sourceId}#${row.reference}`, row]));

  const rows = checked.map((row, index): PlannedRow => {
    const source = rowSources[index] ?? null;
    const addresseeIds: string[] = [];
    for (const name of row.addressees) {
      const state = resolve.state(name);
      if (state) addresseeIds.push(state.id);
      else if (format === "own") problem(row.line, "addressees", "unknownState", { value: name.slice(0, 60) });
    }
    const values: RecommendationValues = {
      text: row.text,
      addressAllParticipating: row.addressAllParticipating,
      dueDate: row.dueDate,
      themeKeys: [...new Set(row.themes.map((name) => resolve.themeKey(name)))].sort(),
      addresseeIds: [...new Set(addresseeIds)].sort(),
      ...row.upr,
    };
    const stored = source && "id" in source ? existingByKey.get(`${source.id}#${row.reference}`) : undefined;
    const keepsDueDate = format === "upr";
    const changedColumns: FileColumn[] = [];
    if (stored) {
      const current: RecommendationValues = {
        text: stored.text,
        addressAllParticipating: stored.addressAllParticipating,
        dueDate: stored.dueDate ? stored.dueDate.toISOString().slice(0, 10) : null,
        themeKeys: stored.themes.map((link) => link.theme.key).sort(),
        addresseeIds: stored.addressees.map((link) => link.stateId).sort(),
        uprSession: stored.uprSession,
        uprWgReport: stored.uprWgReport,
        uprThemeHeading: stored.uprThemeHeading,
        uprRecommendingStates: stored.uprRecommendingStates,
        uprPosition: stored.uprPosition,
        uprSourceOfPosition: stored.uprSourceOfPosition,
        uprGroupsOfPersons: stored.uprGroupsOfPersons,
        uprSdgs: stored.uprSdgs,
      };
      if (keepsDueDate) values.dueDate = current.dueDate;
      for (const field of FIELDS) {
        const column = columnOf(field, format);
        if (!sameValue(values[field], current[field]) && !changedColumns.includes(column)) changedColumns.push(column);
      }
      if (changedColumns.length > 0 && stored.publication !== "DRAFT") {
        problem(row.line, changedColumns[0]!, "publishedChanged", { reference: row.reference });
      }
    }
    const failed = failedLines.has(row.line) || !source;
    return {
      line: row.line,
      reference: row.reference,
      source: source ?? { newKey: "", title: "" },
      outcome: failed ? "error" : !stored ? "new" : changedColumns.length > 0 ? "changed" : "unchanged",
      changedColumns,
      existing: stored ? { id: stored.id, version: stored.version } : null,
      values,
      keepsDueDate,
    };
  });

  // Only themes that a row without problems uses are created.
  const usedThemes = new Set(rows.filter((row) => row.outcome === "new" || row.outcome === "changed").flatMap((row) => row.values.themeKeys));
  problems.sort((a, b) => a.line - b.line);
  return {
    format,
    rows,
    problems,
    newSources: [...newSources.values()].filter((source) => rows.some((row) => row.outcome !== "error" && "newKey" in row.source && row.source.newKey === source.key)),
    newThemes: resolve.newThemes.filter((theme) => usedThemes.has(theme.key)),
  };
}
