import "server-only";
import ExcelJS from "exceljs";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { assertSecretariat } from "@/server/services/core/permissions";
import { BOM, csvField } from "@/server/services/exports/csv";
import { neutralizeFormula } from "@/server/services/exports/table";
import { recommendationFilters, uprFieldsSelect } from "@/server/services/recommendations/reading";
import { ALL_PARTICIPATING, OWN_COLUMNS, POSITION_VALUES, STATUS_VALUES, joinList, type OwnColumn } from "@/server/schemas/recommendation-file";
import type { TListRecommendationsInput } from "@/server/schemas/recommendations";

// The recommendations list as a file in the project's own format (recommendation-file.ts): the
// header row is the column keys, the same in every language, so a file exported by anyone,
// edited in a spreadsheet and imported again round-trips.

type Filters = Omit<NonNullable<TListRecommendationsInput>, "limit" | "cursor">;

/** At most this many rows in one file (the import takes 5,000 per file). */
const EXPORT_MAX_ROWS = 50_000;

async function exportRows(actor: Actor, filters: Filters): Promise<string[][]> {
  assertSecretariat(actor);
  const rows = await db.recommendation.findMany({
    where: { AND: recommendationFilters(actor, filters) },
    orderBy: [{ source: { date: "asc" } }, { sourceId: "asc" }, { reference: "asc" }],
    take: EXPORT_MAX_ROWS,
    select: {
      reference: true,
      text: true,
      publication: true,
      addressAllParticipating: true,
      dueDate: true,
      ...uprFieldsSelect,
      source: { select: { id: true, title: true } },
      themes: { select: { theme: { select: { key: true } } }, orderBy: { theme: { key: "asc" } } },
      addressees: { select: { state: { select: { name: true } } }, orderBy: { state: { name: "asc" } } },
    },
  });
  return rows.map((row) => {
    const cells: Record<OwnColumn, string> = {
      source_id: row.source.id,
      source: row.source.title,
      reference: row.reference,
      text: row.text,
      themes: joinList(row.themes.map((link) => link.theme.key)),
      addressees: joinList([...(row.addressAllParticipating ? [ALL_PARTICIPATING] : []), ...row.addressees.map((link) => link.state.name)]),
      due_date: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : "",
      status: STATUS_VALUES[row.publication],
      session: row.uprSession ?? "",
      wg_report: row.uprWgReport ?? "",
      theme_heading: row.uprThemeHeading ?? "",
      recommending_states: joinList(row.uprRecommendingStates),
      position: row.uprPosition ? POSITION_VALUES[row.uprPosition] : "",
      source_of_position: row.uprSourceOfPosition ?? "",
      groups_of_persons: joinList(row.uprGroupsOfPersons),
      sdgs: joinList(row.uprSdgs),
    };
    return OWN_COLUMNS.map((column) => cells[column]);
  });
}

/** CSV in UTF-8 with a byte-order mark: the header row, then one row per recommendation. */
export async function recommendationsCsv(actor: Actor, filters: Filters): Promise<string> {
  const rows = await exportRows(actor, filters);
  return BOM + [[...OWN_COLUMNS], ...rows].map((row) => row.map((cell) => csvField(cell)).join(",")).join("\r\n") + "\r\n";
}

/** An Excel workbook of one sheet: the header row (bold, frozen), then one row per recommendation. */
export async function recommendationsXlsx(actor: Actor, filters: Filters): Promise<Uint8Array> {
  const rows = await exportRows(actor, filters);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Commitment Tracker";
  const sheet = workbook.addWorksheet("recommendations", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = OWN_COLUMNS.map((column) => ({ width: column === "text" ? 80 : column === "source_id" ? 38 : 20 }));
  sheet.addRow([...OWN_COLUMNS]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => neutralizeFormula(cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
