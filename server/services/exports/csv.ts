import "server-only";
import { formatNumber, neutralizeFormula, type ExportCell, type ExportDocument } from "@/server/services/exports/table";

export const BOM = "\uFEFF";

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One CSV field: quoted when needed, a would-be formula neutralized. */
export function csvField(cell: ExportCell, locale = "en"): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? quoted(formatNumber(cell, locale)) : "";
  return quoted(neutralizeFormula(cell));
}

/**
 * CSV in UTF-8 with a byte-order mark (so spreadsheet programs read Cyrillic correctly), one
 * table after another, streamed row by row. Numbers are written in the reader's language (12,5 in
 * French, quoted, since the comma separates the fields).
 */
export function csvStream(document: ExportDocument): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  function* lines() {
    yield BOM + csvField(document.title) + "\r\n";
    for (const filter of document.filters) yield csvField(filter) + "\r\n";
    yield csvField(document.words.generated) + "\r\n";
    for (const table of document.tables) {
      yield "\r\n";
      if (document.tables.length > 1) yield csvField(table.name) + "\r\n";
      yield table.columns.map((column) => csvField(column.header)).join(",") + "\r\n";
      for (const row of table.rows) yield row.map((cell) => csvField(cell, document.locale)).join(",") + "\r\n";
    }
  }
  const iterator = lines();
  return new ReadableStream({
    pull(controller) {
      // Send rows in chunks of about 64 KB.
      let chunk = "";
      for (let next = iterator.next(); ; next = iterator.next()) {
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
        if (chunk.length > 65_536) {
          controller.enqueue(encoder.encode(chunk));
          return;
        }
      }
    },
  });
}

/** The whole CSV as text (tests and small exports). */
export async function csvText(document: ExportDocument): Promise<string> {
  return new Response(csvStream(document)).text();
}
