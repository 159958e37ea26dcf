import "server-only";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, recogniseHeader, type FileFormat } from "@/server/schemas/recommendation-file";

// Reading an uploaded recommendation file into rows: CSV (UTF-8 with or without a byte-order
// mark, comma or semicolon, quoted cells over several lines) or Excel (.xlsx, its first sheet).
// A file that cannot be read at all is refused whole with one message; the rows' own problems are
// found later (check-rows.ts).

/** One row of the file: its row number (the header is row 1; in a CSV, the line it starts on) and its cells by column. */
export type FileRow = { line: number; cells: Record<string, string> };
export type FileRows = { format: FileFormat; rows: FileRow[] };

/** Why a file was refused whole: a key of the `imports` catalog's `file` messages. */
export type FileProblemKey = "tooLarge" | "tooManyRows" | "empty" | "encoding" | "notSpreadsheet" | "malformed" | "unknownHeader" | "extraCells";
export class FileRefused extends Error {
  constructor(
    readonly key: FileProblemKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(`file refused: ${key}`);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Cells that the export wrote with a leading apostrophe so that spreadsheets do not run them.
const NEUTRALIZED = /^'[=+\-@\t\r]/;

const restore = (cell: string) => (NEUTRALIZED.test(cell) ? cell.slice(1) : cell);

/** Reads a file's rows and recognises its format from the header row; throws FileRefused. */
export async function readRecommendationFile(bytes: Uint8Array): Promise<FileRows> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw new FileRefused("tooLarge", { megabytes: IMPORT_MAX_BYTES / 1024 / 1024 });
  if (bytes.byteLength === 0) throw new FileRefused("empty");
  const isZip = ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  return rowsOf(table);
}

type Table = { line: number; cells: string[] }[];

function rowsOf(table: Table): FileRows {
  const [header, ...body] = table;
  if (!header) throw new FileRefused("empty");
  const format = recogniseHeader(header.cells);
  if (!format) throw new FileRefused("unknownHeader");
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const rows: FileRow[] = [];
  for (const row of body) {
    if (row.cells.every((cell) => cell.trim() === "")) continue;
    if (row.cells.slice(columns.length).some((cell) => cell.trim() !== "")) {
      throw new FileRefused("extraCells", { row: row.line, count: columns.length });
    }
    rows.push({ line: row.line, cells: Object.fromEntries(columns.map((column, index) => [column, restore(row.cells[index] ?? "")])) });
    if (rows.length > IMPORT_MAX_ROWS) throw new FileRefused("tooManyRows", { max: IMPORT_MAX_ROWS });
  }
  if (rows.length === 0) throw new FileRefused("empty");
  return { format, rows };
}

function readCsv(bytes: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileRefused("encoding");
  }
  // Binary content (another program's file renamed .csv) has control characters that text lacks.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw new FileRefused("notSpreadsheet");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new FileRefused("malformed", { row: line ?? 1 });
  }
  // `lines` is the line a record ends on; a record starts as many lines earlier as its cells hold line breaks.
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0),
    cells: record,
  }));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new FileRefused("notSpreadsheet");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileRefused("empty");
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw new FileRefused("tooManyRows", { max: IMPORT_MAX_ROWS });
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table.push({ line: rowNumber, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  if (table[0] && table[0].line !== 1) throw new FileRefused("unknownHeader");
  return table;
}
