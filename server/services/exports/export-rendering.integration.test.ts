import { describe, expect, it, vi } from "vitest";

// Set before the modules are imported: one render at a time, one waiting.
vi.hoisted(() => {
  process.env.EXPORT_WORKERS = "1";
  process.env.EXPORT_QUEUE = "1";
});

import { monitorEventLoopDelay } from "node:perf_hooks";
import { GET as exportRoute } from "@/app/api/reports/export/route";
import { EXPORT_FORMATS } from "@/server/services/report-export-request";
import type { ExportDocument } from "@/server/services/exports/table";

// T22: PDF and Excel exports are rendered off the event loop (other users keep being served while
// a large export is written), a bounded number at a time, and past the queue refused with 503.

/** A compliance matrix as large as a few hundred recommendations: seconds of pdfkit work. */
function largeMatrix(columns: number): ExportDocument {
  return {
    title: "Compliance matrix",
    filters: ["Source: All sources", "Theme: All themes", "States: Participating States", "As of: today"],
    generatedAt: new Date("2026-11-30T00:00:00Z"),
    locale: "en",
    words: {
      generated: "Generated 2026-11-30T00:00:00.000Z",
      generatedPdf: "Generated 2026-11-30 00:00 UTC",
      figuresTitle: "How the figures are computed",
      columnGroup: "{table} (columns {first}–{last})",
    },
    charts: [],
    notes: ["Not applicable is left out of every average and share."],
    tables: [
      {
        name: "Compliance matrix",
        columns: [{ header: "State", width: 28 }, { header: "ISO", width: 6 }, ...Array.from({ length: columns }, (_, index) => ({ header: `REF-${index}`, width: 24 }))],
        rows: Array.from({ length: 57 }, (_, row) => [`State ${row}`, "XX", ...Array.from({ length: columns }, (_, column) => `In progress (${(row * column) % 100}%)`)]),
      },
    ],
  };
}

/** Makes and reads a whole export while measuring the longest stall of this thread's event loop. */
async function readMeasuringStalls(write: () => ReadableStream<Uint8Array>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The monitor measures between two of its ticks: let it tick before the export begins.
  while (delay.count < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  const bytes = Buffer.from(await new Response(write()).arrayBuffer());
  // The monitor records a stall when its timer next fires: wait for that sample.
  const samples = delay.count;
  while (delay.count <= samples + 1) await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return { bytes, longestStallMs: delay.max / 1e6 };
}

describe("exports off the event loop (T22)", () => {
  it("T22 a large PDF is rendered without stalling the event loop, and is a whole PDF", async () => {
    const started = performance.now();
    const { bytes, longestStallMs } = await readMeasuringStalls(() => EXPORT_FORMATS.pdf.write(largeMatrix(300)));
    const tookMs = performance.now() - started;
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.subarray(-6).toString()).toContain("%%EOF");
    // The render itself takes seconds; the loop never stops for more than a moment.
    expect(tookMs).toBeGreaterThan(500);
    expect(longestStallMs).toBeLessThan(600);
  });

  it("T22 a large Excel file is rendered without stalling the event loop, and is a whole workbook", async () => {
    const { bytes, longestStallMs } = await readMeasuringStalls(() => EXPORT_FORMATS.xlsx.write(largeMatrix(2000)));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(bytes.includes(Buffer.from("xl/worksheets/sheet1.xml"))).toBe(true);
    expect(longestStallMs).toBeLessThan(600);
  });

  it("T22 one render at a time, one waiting, and the next export is refused with 503 and Retry-After", async () => {
    const running = new Response(EXPORT_FORMATS.pdf.write(largeMatrix(5))).arrayBuffer();
    const queued = new Response(EXPORT_FORMATS.pdf.write(largeMatrix(5))).arrayBuffer();
    const refused = await exportRoute(new Request("http://localhost/api/reports/export?report=overdue&format=pdf"));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(await refused.text()).toContain("busy");
    const [first, second] = await Promise.all([running, queued]);
    expect(Buffer.from(first).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.from(second).subarray(0, 5).toString()).toBe("%PDF-");
    // Both slots are free again: the next export is served.
    const served = await exportRoute(new Request("http://localhost/api/reports/export?report=overdue&format=pdf"));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("a download the client abandons stops its render and frees its slot", async () => {
    const stream = EXPORT_FORMATS.pdf.write(largeMatrix(50));
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    const next = await new Response(EXPORT_FORMATS.pdf.write(largeMatrix(5))).arrayBuffer();
    expect(Buffer.from(next).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
