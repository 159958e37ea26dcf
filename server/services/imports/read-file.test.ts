import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_ROWS, OWN_COLUMNS, UPR_COLUMNS, uprSourceTitle } from "@/server/schemas/recommendation-file";
import { checkRows } from "@/server/services/imports/check-rows";
import { FileRefused, readRecommendationFile } from "@/server/services/imports/read-file";

const bytes = (text: string) => new TextEncoder().encode(text);
const UPR_HEADER = UPR_COLUMNS.join(",");
const uprRow = (ref: string, text: string, extra: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    ref,
    state_under_review: "Slovenia",
    session: "UPR Working Group session 48 (Jan 2025), 4th cycle",
    text,
    position: "Supported",
    ...extra,
  };
  return UPR_COLUMNS.map((column) => `"${(cells[column] ?? "").replaceAll('"', '""')}"`).join(",");
};

async function refusal(file: Uint8Array) {
  try {
    await readRecommendationFile(file);
  } catch (error) {
    if (error instanceof FileRefused) return error.key;
    throw error;
  }
  return null;
}

describe("reading recommendation files", () => {
  it("reads a UPR CSV with a byte-order mark, quoted multi-line cells and Cyrillic, numbering rows by the line they start on", async () => {
    const text = `\uFEFF${UPR_HEADER}\r\n${uprRow("140.1", "Ensure protection\nfor victims, \"all\" of them")}\r\n${uprRow("140.2", "Обеспечить защиту жертв")}\r\n`;
    const file = await readRecommendationFile(bytes(text));
    expect(file.format).toBe("upr");
    expect(file.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(file.rows[0]!.cells.text).toBe('Ensure protection\nfor victims, "all" of them');
    expect(file.rows[1]!.cells.text).toBe("Обеспечить защиту жертв");
  });

  it("reads semicolon-separated files and the own format's header in any order", async () => {
    const header = [...OWN_COLUMNS].reverse().join(";");
    const cells = [...OWN_COLUMNS].reverse().map((column) => (column === "reference" ? "R-1" : column === "text" ? "Text; with semicolon" : ""));
    const file = await readRecommendationFile(bytes(`${header}\n${cells.map((cell) => `"${cell}"`).join(";")}\n`));
    expect(file.format).toBe("own");
    expect(file.rows[0]!.cells).toMatchObject({ reference: "R-1", text: "Text; with semicolon" });
  });

  it("reads the first sheet of an Excel workbook, dates as calendar days", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Recommendations");
    sheet.addRow([...OWN_COLUMNS]);
    sheet.addRow(OWN_COLUMNS.map((column) => (column === "due_date" ? new Date("2027-06-30T00:00:00Z") : column === "reference" ? "X-1" : column === "text" ? "'=not a formula" : "")));
    const file = await readRecommendationFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(file.format).toBe("own");
    expect(file.rows[0]!.line).toBe(2);
    expect(file.rows[0]!.cells).toMatchObject({ reference: "X-1", due_date: "2027-06-30", text: "=not a formula" });
  });

  it("refuses files it cannot read, each with one reason", async () => {
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("notSpreadsheet");
    expect(await refusal(new Uint8Array([0x72, 0x65, 0x66, 0xe9, 0x0a]))).toBe("encoding");
    expect(await refusal(bytes("a,b,c\n1,2,3\n"))).toBe("unknownHeader");
    expect(await refusal(bytes(`${UPR_HEADER}\n"140.1,unclosed\n`))).toBe("malformed");
    expect(await refusal(bytes(`${UPR_HEADER}\n`))).toBe("empty");
    expect(await refusal(new Uint8Array(5 * 1024 * 1024 + 1))).toBe("tooLarge");
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, index) => uprRow(`1.${index}`, "t"));
    expect(await refusal(bytes(`${UPR_HEADER}\n${rows.join("\n")}\n`))).toBe("tooManyRows");
  });

  it("finds each row's problems with the row number and the column", async () => {
    const file = await readRecommendationFile(
      bytes(
        [
          UPR_HEADER,
          uprRow("140.1", ""),
          uprRow("140.2", "ok", { position: "Accepted" }),
          uprRow("140.2", "again"),
          uprRow("140.4", "x".repeat(20_001)),
        ].join("\n"),
      ),
    );
    const { problems } = checkRows(file);
    expect(problems.map((problem) => [problem.line, problem.column, problem.key])).toEqual([
      [2, "text", "required"],
      [3, "position", "position"],
      [4, "ref", "duplicateReference"],
      [5, "text", "tooLong"],
    ]);
  });

  it("names a UPR session's source by its ordinal and State", () => {
    expect(uprSourceTitle("UPR Working Group session 48 (Jan 2025), 4th cycle", "Slovenia")).toBe("UPR 48th session: Slovenia");
    expect(uprSourceTitle("Session 22", "Türkiye")).toBe("UPR 22nd session: Türkiye");
    expect(uprSourceTitle("session 11", "Malta")).toBe("UPR 11th session: Malta");
  });
});
