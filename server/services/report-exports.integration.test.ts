import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/reports/export/route";
import { db } from "@/server/db/client";
import { buildExport } from "@/server/services/report-export-request";
import { getMatrix } from "@/server/services/reports/matrix";
import { pdfStream } from "@/server/services/exports/pdf";
import { neutralizeFormula, type ExportDocument } from "@/server/services/exports/table";
import { exportText } from "@/server/test/export-text";
import type { Locale } from "@/server/shared/locales";
import { callerFor, createPublishedCommitments } from "@/server/test/factories";

const visitor = { kind: "public" as const, requestId: null };

async function exportOf(query: Record<string, string>, locale?: Locale) {
  const result = await buildExport(visitor, new URLSearchParams(query), locale);
  return { ...result, bytes: Buffer.from(await new Response(result.body).arrayBuffer()) };
}

async function reportedWorld() {
  const world = await createPublishedCommitments(["AT", "RU", "UA"]);
  // Cyrillic and a formula-looking text must survive and be neutralised.
  await db.recommendation.update({ where: { id: world.recommendation.id }, data: { text: "=HYPERLINK(\"http://evil.example\") Защита детей" } });
  const russia = await callerFor("FOCAL_POINT", "RU");
  const analyst = await callerFor("ANALYST");
  const update = await russia.caller.commitments.saveAndSubmit({
    commitmentId: world.commitments.RU!.id,
    content: { statusId: world.statuses.partially_implemented!.id, progress: 65, narrative: "+Закон принят", evidence: [] },
  });
  await analyst.caller.review.accept({ updateId: update.id, expectedVersion: 1 });
  return world;
}

describe("exports", () => {
  it("neutralises cells that a spreadsheet would run as formulas", () => {
    expect(neutralizeFormula("=1+1")).toBe("'=1+1");
    expect(neutralizeFormula("+7 days")).toBe("'+7 days");
    expect(neutralizeFormula("-2")).toBe("'-2");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("\tcmd")).toBe("'\tcmd");
    expect(neutralizeFormula("Austria")).toBe("Austria");
  });

  it("the matrix CSV is UTF-8 with a BOM and has exactly the figures of the matrix report", async () => {
    const world = await reportedWorld();
    const { bytes, contentType, filename } = await exportOf({ report: "matrix", format: "csv", sourceId: world.source.id });
    expect(contentType).toContain("text/csv");
    expect(filename).toMatch(/^compliance-matrix-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const headerIndex = rows.findIndex((row) => row[0] === "State");
    const header = rows[headerIndex]!;
    const body = rows.slice(headerIndex + 1);
    const matrix = await getMatrix(visitor, { sourceId: world.source.id }, "en");
    expect(header.slice(2, -2)).toEqual(matrix.recommendations.map((recommendation) => recommendation.reference));
    for (const [index, state] of matrix.states.entries()) {
      const row = body.find((candidate) => candidate[1] === state.iso2)!;
      const cells = matrix.grid[index]!;
      expect(row[2]).toBe(`${matrix.statuses[cells.status[0]!]!.label} (${cells.progress[0]}%)`);
      const expectedMean = state.figures.meanProgress === null ? "" : String(Math.round(state.figures.meanProgress * 10) / 10);
      expect(row[row.length - 1]).toBe(expectedMean);
    }
    expect(body.find((row) => row[1] === "RU")![2]).toBe("Partially implemented (65%)");
  });

  it("Cyrillic survives, and formula-looking text is neutralised in CSV and Excel", async () => {
    const world = await reportedWorld();
    const csv = (await exportOf({ report: "recommendation", format: "csv", recommendationId: world.recommendation.id })).bytes.toString("utf8");
    const cells = (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t]/.test(cell))).toEqual([]);
    expect(csv).toContain("Защита детей");
    expect(cells).toContain("'+Закон принят");

    const xlsx = await exportOf({ report: "recommendation", format: "xlsx", recommendationId: world.recommendation.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const values = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat()).filter((value): value is string => typeof value === "string");
    expect(values.filter((value) => /^[=+\-@\t]/.test(value))).toEqual([]);
    expect(values).toContain("'+Закон принят");
    expect(values.some((value) => value.includes("Защита детей"))).toBe(true);
  });

  it("Excel has a bold header row, frozen panes and column widths", async () => {
    const world = await reportedWorld();
    const { bytes, contentType } = await exportOf({ report: "matrix", format: "xlsx", sourceId: world.source.id });
    expect(contentType).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headerRow = sheet.getRow(7); // title, 4 filters, generated, header
    expect(headerRow.getCell(1).value).toBe("State");
    expect(headerRow.font?.bold ?? headerRow.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 7 });
    expect(sheet.getColumn(1).width).toBe(28);
    const russia = sheet.getRows(8, 3)!.find((row) => row.getCell(2).value === "RU")!;
    expect(russia.getCell(3).value).toBe("Partially implemented (65%)");
  });

  it("PDF is generated on the server for every report", async () => {
    const world = await reportedWorld();
    const russia = await db.state.findUniqueOrThrow({ where: { iso2: "RU" } });
    const queries: Record<string, string>[] = [
      { report: "matrix", sourceId: world.source.id },
      { report: "recommendation", recommendationId: world.recommendation.id },
      { report: "state", stateId: russia.id, sourceId: world.source.id },
      { report: "trend", sourceId: world.source.id, periods: "8" },
      { report: "overdue" },
    ];
    for (const query of queries) {
      const { bytes, contentType } = await exportOf({ ...query, format: "pdf" });
      expect(contentType).toBe("application/pdf");
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(bytes.subarray(-6).toString()).toContain("%%EOF");
      expect(bytes.length).toBeGreaterThan(5_000); // the embedded font and the content
    }
  });

  it("refuses a bad report, format or filter with a clear error", async () => {
    await expect(buildExport(visitor, new URLSearchParams({ report: "everything", format: "csv" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(buildExport(visitor, new URLSearchParams({ report: "matrix", format: "docx" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(buildExport(visitor, new URLSearchParams({ report: "matrix", format: "csv", sourceId: "not-a-uuid" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

// Exports in the reader's language: headings, status labels, State names, numbers, dates,
// file names and (in the PDF) the figure definitions; the PDF with the letters of all six languages.

/** The no-break space French puts before "%" (narrow in recent CLDR data). */
const SPACE = "[\u00a0\u202f]";

function csvRows(bytes: Uint8Array) {
  return parse(new TextDecoder().decode(bytes), { bom: true, relax_column_count: true }) as string[][];
}

describe("exports in the reader's language", () => {
  it("the matrix CSV in French: French headings, State names, status labels and numbers", async () => {
    const world = await reportedWorld();
    const { bytes, filename, unicodeFilename } = await exportOf({ report: "matrix", format: "csv", sourceId: world.source.id }, "fr");
    expect(filename).toMatch(/^matrice-de-conformite-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(unicodeFilename).toMatch(/^matrice-de-conformité-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvRows(bytes);
    expect(rows[0]).toEqual(["Matrice de conformité"]);
    expect(rows.flat()).toContain("États : États participants");
    expect(rows.flat()).toContain("Thème : Tous les thèmes");
    expect(rows.flat().some((cell) => /^Généré le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} UTC$/.test(cell))).toBe(true);
    const header = rows.find((row) => row[0] === "État")!;
    expect(header.slice(0, 2)).toEqual(["État", "ISO"]);
    expect(header.slice(-2)).toEqual(["Part mise en œuvre (%)", "Progression moyenne (%)"]);
    const russia = rows.find((row) => row[1] === "RU")!;
    expect(russia[0]).toBe("Fédération de Russie");
    expect(russia[2]).toMatch(new RegExp(`^Partiellement mis en œuvre \\(65${SPACE}%\\)$`));
    expect(rows.find((row) => row[1] === "AT")![0]).toBe("Autriche");
    expect(rows.find((row) => row[1] === "AT")![2]).toMatch(new RegExp(`^Non commencé \\(0${SPACE}%\\)$`));
    // The mean progress of the recommendation over three States: 65 / 3 = 21.7, written 21,7.
    const mean = rows.find((row) => row[0] === "Progression moyenne (%)")!;
    expect(mean[2]).toBe("21,7");
  });

  it("the matrix CSV in Russian, and the recommendation report's dates and ODIHR levels", async () => {
    const world = await reportedWorld();
    const rows = csvRows((await exportOf({ report: "matrix", format: "csv", sourceId: world.source.id }, "ru")).bytes);
    expect(rows[0]).toEqual(["Матрица выполнения"]);
    const header = rows.find((row) => row[0] === "Государство")!;
    expect(header.slice(-2)).toEqual(["Доля выполненных (%)", "Средний прогресс (%)"]);
    const russia = rows.find((row) => row[1] === "RU")!;
    expect(russia[0]).toBe("Российская Федерация");
    expect(russia[2]).toMatch(new RegExp(`^Частично выполнено \\(65${SPACE}%\\)$`));
    expect(rows.find((row) => row[1] === "UA")![0]).toBe("Украина");
    expect(rows.find((row) => row[0] === "Средний прогресс (%)")![2]).toBe("21,7");

    const recommendation = csvRows((await exportOf({ report: "recommendation", format: "csv", recommendationId: world.recommendation.id }, "ru")).bytes);
    const states = recommendation.find((row) => row[0] === "Государство")!;
    expect(states).toEqual(["Государство", "Статус", "Прогресс (%)", "Последнее принятие", "Срок", "Просрочено", "Примечание"]);
    // The due date of the factory's commitments, 2030-12-31, as Russian writes it.
    expect(recommendation.find((row) => row[0] === "Австрия")![4]).toBe("31.12.2030");
    expect(recommendation.flat()).toContain("Выполнено полностью");
    expect(recommendation.flat()).toContain("Не оценивается (неприменимо)");
  });

  it("Excel in French: the sheet, its headings and labels", async () => {
    const world = await reportedWorld();
    const { bytes } = await exportOf({ report: "matrix", format: "xlsx", sourceId: world.source.id }, "fr");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Matrice de conformité");
    expect(sheet.getRow(1).getCell(1).value).toBe("Matrice de conformité");
    const header = sheet.getRow(7);
    expect(header.getCell(1).value).toBe("État");
    expect(header.getCell(4).value).toBe("Part mise en œuvre (%)");
    const russia = sheet.getRows(8, 3)!.find((row) => row.getCell(2).value === "RU")!;
    expect(russia.getCell(1).value).toBe("Fédération de Russie");
    expect(russia.getCell(3).value).toMatch(new RegExp(`^Partiellement mis en œuvre \\(65${SPACE}%\\)$`));
  });

  it("PDF in French and Russian: the title, State names, headings and figure definitions read back", async () => {
    const world = await reportedWorld();
    const french = await exportText("pdf", (await exportOf({ report: "matrix", format: "pdf", sourceId: world.source.id }, "fr")).bytes);
    for (const text of ["Matrice de conformité", "Autriche", "Fédération de Russie", "Part mise en œuvre (%)", "Mode de calcul des chiffres"]) expect(french).toContain(text);
    expect(french).toContain("Part mise en œuvre : engagements comptabilisés");
    const russian = await exportText("pdf", (await exportOf({ report: "matrix", format: "pdf", sourceId: world.source.id }, "ru")).bytes);
    for (const text of ["Матрица выполнения", "Австрия", "Российская Федерация", "Государство", "Как рассчитываются показатели"]) expect(russian).toContain(text);
    expect(russian).not.toContain("Compliance matrix");
  });

  it("the export route writes in the reader's language: the cookie, else Accept-Language", async () => {
    const world = await reportedWorld();
    const url = `http://localhost/api/reports/export?report=matrix&format=csv&source=${world.source.id}`;
    const byHeader = await exportRoute(new Request(url, { headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" } }));
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get("content-disposition")).toMatch(/^attachment; filename="matrice-de-conformite-[\d-]+\.csv"; filename\*=UTF-8''matrice-de-conformit%C3%A9-[\d-]+\.csv$/);
    expect(csvRows(new Uint8Array(await byHeader.arrayBuffer()))[0]).toEqual(["Matrice de conformité"]);
    const byCookie = await exportRoute(new Request(url, { headers: { "accept-language": "fr-FR", cookie: "locale=ru" } }));
    expect(byCookie.headers.get("content-disposition")).toMatch(/^attachment; filename="matrix-[\d-]+\.csv"; filename\*=UTF-8''/);
    expect(csvRows(new Uint8Array(await byCookie.arrayBuffer()))[0]).toEqual(["Матрица выполнения"]);
    const english = await exportRoute(new Request(url));
    expect(csvRows(new Uint8Array(await english.arrayBuffer()))[0]).toEqual(["Compliance matrix"]);
  });
});

describe("the PDF font", () => {
  it("renders Cyrillic and the Latin diacritics of every OSCE language, and they read back as text", async () => {
    const samples = {
      ru: "Съешь же ещё этих мягких французских булок, да выпей чаю",
      de: "Größere Übergänge: Straße, Fußgänger, Äpfel und Öl",
      fr: "Œuvre, cœur, élève, garçon, Noël, à côté, hôpital",
      es: "El señor pidió ñoquis: ¿qué año? ¡Ánimo, acción!",
      it: "Città, perché, più, così, caffè: è già là",
    };
    const document: ExportDocument = {
      title: "Матрица выполнения",
      filters: [samples.ru, samples.de, samples.fr],
      generatedAt: new Date("2026-12-03T12:00:00Z"),
      locale: "de",
      words: { generated: "", generatedPdf: "Erstellt am 03.12.2026, 12:00 UTC", figuresTitle: "Как рассчитываются показатели", columnGroup: "{table} ({first}–{last})" },
      charts: [],
      tables: [{ name: samples.es, columns: [{ header: "Stato" }, { header: "Wert", kind: "number" }], rows: [[samples.it, 12.5]] }],
      notes: [samples.fr],
    };
    const text = await exportText("pdf", new Uint8Array(await new Response(pdfStream(document)).arrayBuffer()));
    for (const sample of Object.values(samples)) expect(text).toContain(sample);
    expect(text).toContain("Erstellt am 03.12.2026, 12:00 UTC");
    // A number in the reader's form: 12,5 in German.
    expect(text).toContain("12,5");
  });
});
