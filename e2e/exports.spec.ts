import { expect, test } from "@playwright/test";

// T22: the production build renders PDF and Excel exports in worker threads (a chunk Turbopack
// bundles for the worker); this proves that chunk loads and works under `next start`.

test.describe("exports from the production build (T22)", () => {
  test("T22 the matrix downloads as a whole PDF and a whole Excel workbook, and the server keeps serving meanwhile", async ({ request }) => {
    const [pdf, xlsx, health] = await Promise.all([
      request.get("/api/reports/export?report=matrix&format=pdf"),
      request.get("/api/reports/export?report=matrix&format=xlsx"),
      request.get("/api/health"),
    ]);
    expect(pdf.status(), await pdf.text()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfBytes = await pdf.body();
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfBytes.subarray(-8).toString()).toContain("%%EOF");
    expect(xlsx.status()).toBe(200);
    const xlsxBytes = await xlsx.body();
    expect(xlsxBytes.subarray(0, 2).toString()).toBe("PK");
    expect(xlsxBytes.includes(Buffer.from("xl/worksheets/sheet1.xml"))).toBe(true);
    expect(health.status()).toBe(200);
  });

  test("T22 a batch of two reports is refused with 400", async ({ request }) => {
    const input = encodeURIComponent(JSON.stringify({ 0: {}, 1: {} }));
    const response = await request.get(`/api/trpc/reports.trend,reports.matrix?batch=1&input=${input}`);
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("at most one report");
  });
});
