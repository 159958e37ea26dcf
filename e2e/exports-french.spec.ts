import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";

// A French reader (the browser asks for French) downloads the compliance matrix as CSV from the
// matrix page's own download link: the file is written in French.

test.use({ locale: "fr-FR" });

test("a French reader downloads the compliance matrix as CSV with French headings and State names", async ({ page }) => {
  await page.goto("/reports/matrix");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Matrice de conformité" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^matrice-de-conformit[eé]-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await fs.readFile((await download.path())!, "utf8");
  const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });

  expect(rows[0]).toEqual(["Matrice de conformité"]);
  expect(rows.flat()).toContain("États : États participants");
  const headerAt = rows.findIndex((row) => row[0] === "État" && row[1] === "ISO");
  expect(headerAt).toBeGreaterThan(0);
  expect(rows[headerAt]!.slice(-2)).toEqual(["Part mise en œuvre (%)", "Progression moyenne (%)"]);
  const body = rows.slice(headerAt + 1);
  expect(body.find((row) => row[1] === "DE")?.[0]).toBe("Allemagne");
  expect(body.find((row) => row[1] === "CH")?.[0]).toBe("Suisse");
  expect(body.map((row) => row[0])).toContain("Progression moyenne (%)");
  // No English heading or State name is left.
  expect(rows.flat()).not.toContain("Germany");
  expect(rows.flat()).not.toContain("Share implemented (%)");
});
