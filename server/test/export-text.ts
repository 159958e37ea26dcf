import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Every piece of text a downloaded export shows, whatever its format: the CSV as decoded text,
 * the values of every cell of every sheet of a workbook, the text of every page of a PDF (read
 * with PDF.js, as a viewer would). Leak tests search these for what must not be there.
 */
export async function exportText(format: "csv" | "xlsx" | "pdf", bytes: Uint8Array): Promise<string> {
  if (format === "csv") return new TextDecoder().decode(bytes);
  if (format === "xlsx") {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const values: string[] = [];
    for (const sheet of workbook.worksheets) {
      values.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value ?? ""))));
    }
    return values.join("\n");
  }
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join("\n"));
  }
  await pdf.destroy();
  return pages.join("\n");
}
