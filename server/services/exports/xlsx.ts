import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { neutralizeFormula, type ExportDocument } from "@/server/services/exports/table";

/**
 * An Excel workbook, one sheet per table, with the title and filters above a bold header row,
 * frozen panes below the header and beside the first column, and column widths; streamed.
 */
export function xlsxStream(document: ExportDocument): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Commitment Tracker";
  workbook.created = document.generatedAt;

  void (async () => {
    try {
      for (const table of document.tables) {
        const headerRowNumber = document.filters.length + 3;
        const sheet = workbook.addWorksheet(table.name.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), {
          views: [{ state: "frozen", xSplit: 1, ySplit: headerRowNumber }],
        });
        sheet.columns = table.columns.map((column) => ({ width: column.width ?? Math.min(Math.max(column.header.length + 2, 10), 60) }));
        sheet.addRow([document.title]).font = { bold: true, size: 14 };
        for (const filter of document.filters) sheet.addRow([filter]).commit();
        sheet.addRow([document.words.generated]).commit();
        const header = sheet.addRow(table.columns.map((column) => column.header));
        header.font = { bold: true };
        header.commit();
        for (const row of table.rows) {
          const added = sheet.addRow(
            row.map((cell, index) => {
              if (cell === null) return null;
              if (typeof cell === "number") return table.columns[index]?.kind === "percent" ? cell / 100 : cell;
              return neutralizeFormula(cell);
            }),
          );
          table.columns.forEach((column, index) => {
            if (column.kind === "percent") added.getCell(index + 1).numFmt = "0.0%";
          });
          added.commit();
        }
        sheet.commit();
      }
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
