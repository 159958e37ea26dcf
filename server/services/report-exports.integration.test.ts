import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { buildExport } from "@/server/services/report-export-request";
import { getMatrix } from "@/server/services/reports/matrix";
import { neutralizeFormula } from "@/server/services/exports/table";
import { callerFor, createPublishedCommitments } from "@/server/test/factories";

const visitor = { kind: "public" as const, requestId: null };

async function exportOf(query: Record<string, string>) {
  const result = await buildExport(visitor, new URLSearchParams(query));
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
    const matrix = await getMatrix(visitor, { sourceId: world.source.id });
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
