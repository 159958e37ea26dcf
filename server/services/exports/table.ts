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
  /** The reader's language: numbers in the files are written in its form. */
  locale: string;
  /** The renderers' own words, already in the reader's language (the PDF and Excel are written in a worker). */
  words: {
    /** "Generated 2026-12-03T14:09:11.000Z" (CSV and Excel). */
    generated: string;
    /** "Generated 2026-12-03 14:09 UTC" (PDF). */
    generatedPdf: string;
    /** The heading of the notes (PDF). */
    figuresTitle: string;
    /** A part of a wide table, with the placeholders {table}, {first} and {last} (PDF). */
    columnGroup: string;
  };
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

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the reader's language writes it, without grouping: 12.5 in English, 12,5 in French. */
export function formatNumber(value: number, locale: string, fractionDigits?: number): string {
  const id = `${locale}/${fractionDigits ?? ""}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: fractionDigits ?? 0, maximumFractionDigits: fractionDigits ?? 20 });
    numberFormats.set(id, format);
  }
  return format.format(value);
}
