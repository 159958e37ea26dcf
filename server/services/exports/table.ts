/** A report as a table, the one shape every export format is written from. */
export type ExportCell = string | number | null;
export type ExportColumn = { header: string; width?: number; kind?: "text" | "number" | "percent" };
export type ExportTable = { name: string; columns: ExportColumn[]; rows: ExportCell[][] };
export type ExportChart = { title: string; bars: { label: string; segments: { label: string; value: number }[] }[] };
export type ExportDocument = {
  title: string;
  /** "Source: …; Theme: …; States: …; As of: …" */
  filters: string[];
  generatedAt: Date;
  tables: ExportTable[];
  charts: ExportChart[];
  notes: string[];
};

// Spreadsheet programs run cells that start with these as formulas (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that a spreadsheet would treat as a formula get a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
