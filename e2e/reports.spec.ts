import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DEMO_SOURCE, expect, expectNoSeriousAxeViolations, saveUpdate, test, trpcMutation, unique } from "./fixtures";

// The public compliance reports: the matrix and the overdue report. Iceland and Liechtenstein are
// used by no other spec; their focal points are created here with unique emails. Other specs
// accept updates of other States at the same time, so nothing here assumes another State's
// status, and comparisons of two reads of the matrix are retried until both saw the same data.

const SOURCE = DEMO_SOURCE;
const REFERENCE = "AAT17-06";
// Overdue "as of" a day on which AAT17-06 has fallen due (30 June 2026) whatever day the suite
// runs, and not before today, so that the statuses are today's.
const LATE_AS_OF = [new Date().toISOString().slice(0, 10), "2026-12-31"].sort().at(-1)!;

/** The matrix filtered to the 2017 source through the filters form; returns the source's id. */
async function openMatrixOfSource(page: Page) {
  await page.goto("/reports/matrix");
  await page.getByLabel("Source").selectOption({ label: SOURCE });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]source=[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1, name: "Compliance matrix" })).toBeVisible();
  return new URL(page.url()).searchParams.get("source")!;
}

function matrixTable(page: Page) {
  return page.getByRole("region", { name: /^Compliance matrix/ }).getByRole("table");
}

/** The cell of a State and a reference: its title holds the full status. */
function matrixCell(page: Page, stateName: string) {
  return page.getByTitle(`${stateName} — ${REFERENCE}:`);
}

type ScreenMatrix = {
  references: string[];
  rows: { name: string; statuses: string[]; share: string; mean: string }[];
  footer: string[][];
};

/** Everything the matrix shows, read in one go from the DOM. */
function readScreenMatrix(page: Page): Promise<ScreenMatrix> {
  return matrixTable(page).evaluate((table: HTMLTableElement) => {
    const text = (cell: Element | undefined) => (cell?.textContent ?? "").trim();
    const references = [...table.tHead!.rows[0]!.cells].slice(1, -2).map(text);
    const rows = [...table.tBodies[0]!.rows].map((row) => {
      const cells = [...row.cells];
      return {
        name: text(cells[0]),
        // "Austria — AAT17-01: In progress, 40%" -> "In progress, 40%"
        statuses: cells.slice(1, -2).map((cell) => {
          const title = cell.getAttribute("title") ?? "";
          return title.slice(title.indexOf(": ") + 2);
        }),
        share: text(cells[cells.length - 2]),
        mean: text(cells[cells.length - 1]),
      };
    });
    const footer = [...table.tFoot!.rows].map((row) => [...row.cells].map(text));
    return { references, rows, footer };
  });
}

/** A CSV percentage as the page formats it: one decimal and "%", or "—" when empty. */
const asShown = (value: string | undefined) => (value === undefined || value === "" ? "—" : `${Number(value).toFixed(1)}%`);
/** "Implemented, 100%" (screen) -> "Implemented (100%)" (CSV); "Not addressed" -> empty. */
const asCsvCell = (status: string) => (status === "Not addressed" ? "" : status.replace(/, (\d+)%$/, " ($1%)"));

test.describe.serial("compliance matrix and overdue report", () => {
  let sourceId = "";

  test("1. the analyst opens the matrix of the 2017 source and sees all 57 participating States", async ({ analystPage: page }) => {
    sourceId = await openMatrixOfSource(page);
    const table = matrixTable(page);
    await expect(table.locator("tbody").getByRole("rowheader")).toHaveCount(57);
    await expect(table.getByRole("columnheader", { name: REFERENCE, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Compliance matrix" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "State name", exact: true })).toHaveAttribute("aria-current", "true");
    // The region scrolls and can be reached with the keyboard.
    await expect(page.getByRole("region", { name: /^Compliance matrix/ })).toHaveAttribute("tabindex", "0");
    const csvUrl = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csvUrl).toContain("report=matrix");
    expect(csvUrl).toContain(`source=${sourceId}`);
    await expectNoSeriousAxeViolations(page);
  });

  test("2. once Iceland's update is accepted, the matrix, the recommendation report and Iceland's report card show it", async ({ analystPage: page, demo, signedInPage }) => {
    const iceland = await demo.commitment("IS", REFERENCE);
    // A new focal point of the State, created by the administrator.
    const focal = await signedInPage(await demo.createAccount({ role: "FOCAL_POINT", stateId: iceland.stateId }));
    const submitted = await saveUpdate(focal, iceland.id, {
      statusKey: "implemented",
      progress: 100,
      narrative: "Iceland's child protection services now follow children on the move across borders.",
      submit: true,
    });
    await trpcMutation(page, "review.accept", { updateId: submitted.id, expectedVersion: submitted.version });

    await openMatrixOfSource(page);
    const cell = matrixCell(page, "Iceland");
    await expect(cell).toHaveAttribute("title", `Iceland — ${REFERENCE}: Implemented, 100%`);
    await expect(cell).toContainText("100");
    await expect(cell).toContainText("Implemented, 100%");

    // The column header leads to the recommendation report.
    await matrixTable(page).getByRole("link", { name: REFERENCE, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/recommendations/${iceland.recommendationId}`));
    const icelandRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Iceland" }) });
    await expect(icelandRow).toContainText("Implemented");
    await expect(icelandRow).toContainText("100%");

    // The row header leads to Iceland's report card.
    await page.goBack();
    await matrixTable(page).getByRole("link", { name: "Iceland", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/states/${iceland.stateId}`));
    const commitmentRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: REFERENCE }) }).first();
    await expect(commitmentRow).toContainText("Implemented");
    await expect(commitmentRow).toContainText("100%");
  });

  test("3. sorted by score, the CSV export has the same States, statuses and figures as the matrix on screen", async ({ analystPage: page }) => {
    await openMatrixOfSource(page);
    await page.getByRole("link", { name: "Score (mean progress)" }).click();
    await expect(page).toHaveURL(/[?&]sort=score/);
    await expect(page.getByRole("link", { name: "Score (mean progress)" })).toHaveAttribute("aria-current", "true");
    const exportUrl = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(exportUrl).toContain("sort=score");

    // Other specs accept updates meanwhile: read page and CSV again until both saw the same data.
    await expect(async () => {
      await page.reload();
      const screen = await readScreenMatrix(page);
      const response = await page.request.get(exportUrl!);
      expect(response.ok()).toBe(true);
      expect(response.headers()["content-type"]).toContain("text/csv");
      const csv: string[][] = parse(await response.text(), { bom: true, relax_column_count: true, skip_empty_lines: true });

      const headerAt = csv.findIndex((row) => row[0] === "State" && row[1] === "ISO");
      expect(headerAt).toBeGreaterThanOrEqual(0);
      const header = csv[headerAt]!;
      expect(header.slice(2, -2)).toEqual(screen.references);
      expect(header.slice(-2)).toEqual(["Share implemented (%)", "Mean progress (%)"]);

      expect(screen.rows).toHaveLength(57);
      const body = csv.slice(headerAt + 1, headerAt + 1 + screen.rows.length);
      expect(body.map((row) => row[0])).toEqual(screen.rows.map((row) => row.name));
      for (const [index, row] of screen.rows.entries()) {
        const line = body[index]!;
        expect(asShown(line[line.length - 2]), `${row.name}: share implemented`).toBe(row.share);
        expect(asShown(line[line.length - 1]), `${row.name}: mean progress`).toBe(row.mean);
        expect(line.slice(2, -2), `${row.name}: statuses`).toEqual(row.statuses.map(asCsvCell));
      }
      // Sorted by score: the means never increase down the table.
      const means = screen.rows.map((row) => (row.mean === "—" ? -1 : Number.parseFloat(row.mean)));
      expect(means).toEqual([...means].sort((a, b) => b - a));

      const icelandLine = body.find((row) => row[0] === "Iceland")!;
      expect(icelandLine[header.indexOf(REFERENCE)]).toBe("Implemented (100%)");

      // The two summary rows: per recommendation, and the totals of the whole matrix.
      const [shareRow, meanRow] = [csv[headerAt + 1 + screen.rows.length]!, csv[headerAt + 2 + screen.rows.length]!];
      expect(shareRow[0]).toBe("Share implemented (%)");
      expect(meanRow[0]).toBe("Mean progress (%)");
      const [screenShare, screenMean] = screen.footer as [string[], string[]];
      expect(shareRow.slice(2, -1).map(asShown)).toEqual(screenShare.slice(1, -1));
      expect(asShown(meanRow[meanRow.length - 1])).toBe(screenMean[screenMean.length - 1]);
      expect(meanRow.slice(2, -2).map(asShown)).toEqual(screenMean.slice(1, -2));
    }).toPass({ timeout: 45_000 });
  });

  test("4. a signed-out visitor sees Iceland's accepted status but nothing of Liechtenstein's draft", async ({ page, demo, signedInPage }) => {
    const liechtenstein = await demo.commitment("LI", REFERENCE);
    const focal = await signedInPage(await demo.createAccount({ role: "FOCAL_POINT", stateId: liechtenstein.stateId }));
    const note = `Liechtenstein draft ${unique()}: not for publication`;
    // A draft that would change the status if it leaked: Implemented, 100%.
    await saveUpdate(focal, liechtenstein.id, { statusKey: "implemented", progress: 100, narrative: note, submit: false });

    await openMatrixOfSource(page);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expect(matrixCell(page, "Iceland")).toHaveAttribute("title", `Iceland — ${REFERENCE}: Implemented, 100%`);
    await expect(matrixCell(page, "Liechtenstein")).toHaveAttribute("title", `Liechtenstein — ${REFERENCE}: Not started, 0%`);
    await expect(page.locator("main")).not.toContainText(note);

    await page.goto(`/reports/overdue?source=${sourceId}&asOf=${LATE_AS_OF}`);
    await expect(page.getByRole("heading", { level: 1, name: "Overdue commitments" })).toBeVisible();
    const liechtensteinSection = page.getByRole("region", { name: /^Liechtenstein/ });
    const overdueRow = liechtensteinSection.getByRole("row").filter({ has: page.getByRole("rowheader", { name: REFERENCE }) });
    await expect(overdueRow).toContainText("Not started");
    await expect(overdueRow).toContainText("0%");
    // Iceland's accepted update means its commitment is no longer overdue.
    await expect(page.getByRole("region", { name: /^Iceland/ }).getByRole("rowheader", { name: REFERENCE })).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(note);

    await page.goto(`/reports/recommendations/${liechtenstein.recommendationId}`);
    const liechtensteinRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Liechtenstein" }) });
    await expect(liechtensteinRow).toContainText("Not started");
    await expect(liechtensteinRow).not.toContainText("Implemented");
    await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Iceland" }) })).toContainText("Implemented");
    await expect(page.locator("main")).not.toContainText(note);
  });
});

const AXE_PAGES = [
  { name: "the matrix", url: "/reports/matrix?sort=score" },
  { name: "the overdue report", url: `/reports/overdue?asOf=${LATE_AS_OF}` },
];

for (const target of AXE_PAGES) {
  test(`${target.name} has no serious accessibility violations, signed out`, async ({ page }) => {
    await page.goto(target.url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test(`${target.name} has no serious accessibility violations as the analyst`, async ({ analystPage: page }) => {
    await page.goto(target.url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}

test("links with the old parameter names (sourceId, themeKey; the review queue's State id) redirect to today's", async ({ page, analystPage }) => {
  const matrixUrl = `/api/trpc/reports.matrix?input=${encodeURIComponent(JSON.stringify({ columnLimit: 1 }))}`;
  const matrix = (await (await page.request.get(matrixUrl)).json()).result.data as { states: { id: string; iso2: string }[] };
  const sourceId = "0195b0a0-0000-7000-8000-000000000000";
  const response = await page.request.get(`/reports/overdue?sourceId=${sourceId}&themeKey=children&asOf=2000-01-01`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toMatch(new RegExp(`/reports/overdue\\?source=${sourceId}&theme=children&asOf=2000-01-01$`));
  await page.goto(`/reports/matrix?themeKey=no-such-theme`);
  await expect(page).toHaveURL(/\/reports\/matrix\?theme=no-such-theme$/);
  await expect(page.getByLabel("Theme")).toHaveValue("");
  await expect(page.getByText("Nothing is published for these filters.")).toBeVisible();

  const state = matrix.states[0]!;
  await analystPage.goto(`/review?state=${state.id}`);
  await expect(analystPage).toHaveURL(new RegExp(`/review\\?state=${state.iso2}$`));
  await expect(analystPage.getByLabel("State", { exact: true })).toHaveValue(state.iso2);
});

test("the reports say so when nothing matches the filters", async ({ page }) => {
  await page.goto("/reports/matrix?theme=no-such-theme");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance matrix" })).toBeVisible();
  await expect(page.getByText("Nothing is published for these filters.")).toBeVisible();
  await expect(page.getByRole("region", { name: /^Compliance matrix/ })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.goto("/reports/overdue?asOf=2000-01-01");
  await expect(page.getByRole("heading", { level: 1, name: "Overdue commitments" })).toBeVisible();
  await expect(page.getByText("No commitments are overdue for these filters.")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("at 360 px the page does not scroll sideways; the matrix scrolls inside its region, also with the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/reports/matrix");
  const region = page.getByRole("region", { name: /^Compliance matrix/ });
  await expect(region).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);

  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  // The State column stays in view while the cells scroll under it.
  const firstRowHeader = region.locator("tbody").getByRole("rowheader").first();
  const box = await firstRowHeader.boundingBox();
  const regionBox = await region.boundingBox();
  expect(box && regionBox && box.x - regionBox.x).toBeLessThan(2);

  await page.goto(`/reports/overdue?asOf=${LATE_AS_OF}`);
  await expect(page.getByRole("heading", { level: 1, name: "Overdue commitments" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
