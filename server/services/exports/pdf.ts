import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { formatNumber, type ExportCell, type ExportChart, type ExportDocument, type ExportTable } from "@/server/services/exports/table";

// DejaVu covers Latin, Cyrillic, Greek and more; PDF's built-in fonts cover Latin only. Found from
// the project root at run time (the bundler must not rewrite the path).
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONT = path.join(FONT_DIR, "DejaVuSans.ttf");
const FONT_BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

const MARGIN = 36;
const ROW_HEIGHT = 16;
const FIRST_COLUMN_WIDTH = 150;
const COLUMN_WIDTH = 62;
// Colour-blind-safe palette; each bar segment is also labelled with its count in the legend.
const PALETTE = ["#6b7280", "#d4a017", "#1d4ed8", "#7c3aed", "#15803d", "#9ca3af", "#b91c1c", "#0e7490"];

function cellText(cell: ExportCell, locale: string): string {
  if (cell === null) return "";
  return typeof cell === "number" ? formatNumber(cell, locale, Number.isInteger(cell) ? 0 : 1) : cell;
}

function drawTable(doc: PDFKit.PDFDocument, table: ExportTable, document: ExportDocument) {
  const usable = doc.page.width - 2 * MARGIN;
  const restWidth = Math.max(COLUMN_WIDTH, Math.min(140, (usable - FIRST_COLUMN_WIDTH) / Math.max(1, table.columns.length - 1)));
  const perPage = Math.max(1, Math.floor((usable - FIRST_COLUMN_WIDTH) / restWidth));
  // Wide tables (the matrix) are split into column groups, each repeating the first column.
  for (let start = 1; start < Math.max(2, table.columns.length); start += perPage) {
    const columns = [0, ...Array.from({ length: Math.min(perPage, table.columns.length - start) }, (_, index) => start + index)];
    const widths = columns.map((index) => (index === 0 ? FIRST_COLUMN_WIDTH : restWidth));
    const header = () => {
      if (doc.y + ROW_HEIGHT * 3 > doc.page.height - MARGIN) doc.addPage();
      let x = MARGIN;
      const y = doc.y;
      doc.font(FONT_BOLD).fontSize(7.5);
      columns.forEach((index, position) => {
        doc.text(table.columns[index]?.header ?? "", x + 2, y, { width: widths[position]! - 4, height: ROW_HEIGHT * 2, ellipsis: true });
        x += widths[position]!;
      });
      doc.y = y + ROW_HEIGHT * 2;
      doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), doc.y - 2).strokeColor("#999999").stroke();
      doc.font(FONT).fontSize(7.5);
    };
    const part = document.words.columnGroup.replace("{table}", table.name).replace("{first}", String(start)).replace("{last}", String(columns[columns.length - 1]));
    doc.font(FONT_BOLD).fontSize(10).text(columns.length < table.columns.length ? part : table.name, MARGIN);
    doc.moveDown(0.3);
    header();
    for (const row of table.rows) {
      if (doc.y + ROW_HEIGHT > doc.page.height - MARGIN) {
        doc.addPage();
        header();
      }
      let x = MARGIN;
      const y = doc.y;
      columns.forEach((index, position) => {
        doc.text(cellText(row[index] ?? null, document.locale), x + 2, y, { width: widths[position]! - 4, height: ROW_HEIGHT, ellipsis: true, lineBreak: false });
        x += widths[position]!;
      });
      doc.y = y + ROW_HEIGHT;
    }
    doc.moveDown(1);
  }
}

function drawChart(doc: PDFKit.PDFDocument, chart: ExportChart) {
  const labels = [...new Set(chart.bars.flatMap((bar) => bar.segments.map((segment) => segment.label)))];
  const needed = 40 + chart.bars.length * 18 + Math.ceil(labels.length / 3) * 14;
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
  doc.font(FONT_BOLD).fontSize(10).text(chart.title, MARGIN);
  doc.moveDown(0.3);
  const labelWidth = 110;
  const barWidth = doc.page.width - 2 * MARGIN - labelWidth - 10;
  for (const bar of chart.bars) {
    const total = bar.segments.reduce((sum, segment) => sum + segment.value, 0);
    const y = doc.y;
    doc.font(FONT).fontSize(7.5).fillColor("#000000").text(bar.label, MARGIN, y + 2, { width: labelWidth, ellipsis: true, lineBreak: false });
    let x = MARGIN + labelWidth;
    for (const segment of bar.segments) {
      if (!total || !segment.value) continue;
      const width = (segment.value / total) * barWidth;
      doc.rect(x, y, width, 12).fill(PALETTE[labels.indexOf(segment.label) % PALETTE.length]!);
      x += width;
    }
    doc.y = y + 18;
  }
  doc.fillColor("#000000");
  const legendY = doc.y + 4;
  labels.forEach((label, index) => {
    const x = MARGIN + (index % 3) * 180;
    const y = legendY + Math.floor(index / 3) * 14;
    doc.rect(x, y, 10, 10).fill(PALETTE[index % PALETTE.length]!);
    doc.fillColor("#000000").font(FONT).fontSize(8).text(label, x + 14, y, { width: 160, lineBreak: false });
  });
  doc.y = legendY + Math.ceil(labels.length / 3) * 14 + 8;
  doc.x = MARGIN;
}

/** A PDF generated on the server: title, filters, date, the tables and the charts; streamed. */
export function pdfStream(document: ExportDocument): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const wide = document.tables.some((table) => table.columns.length > 8);
  const doc = new PDFDocument({ size: "A4", layout: wide ? "landscape" : "portrait", margin: MARGIN, info: { Title: document.title, Creator: "Commitment Tracker" } });
  doc.pipe(output);
  doc.registerFont("body", FONT);
  doc.font(FONT_BOLD).fontSize(16).text(document.title);
  doc.font(FONT).fontSize(9).fillColor("#333333");
  for (const filter of document.filters) doc.text(filter);
  doc.text(document.words.generatedPdf);
  doc.fillColor("#000000").moveDown(1);
  for (const chart of document.charts) drawChart(doc, chart);
  for (const table of document.tables) drawTable(doc, table, document);
  if (document.notes.length) {
    if (doc.y + 60 > doc.page.height - MARGIN) doc.addPage();
    doc.font(FONT_BOLD).fontSize(10).text(document.words.figuresTitle, MARGIN);
    doc.font(FONT).fontSize(8);
    for (const note of document.notes) doc.text(`• ${note}`, { width: doc.page.width - 2 * MARGIN });
  }
  doc.end();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
