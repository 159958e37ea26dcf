import type { Page } from "@playwright/test";
import { DEMO_SOURCE, expect, expectNoHorizontalScroll, expectNoSeriousAxeViolations, test } from "./fixtures";

// Reads demo data only, and changes nothing: the 2017 recommendations AAT17-01..08, published to
// all 57 participating States. Other specs change some States' statuses in parallel, so counts by
// status are not asserted; totals, and Portugal (which no spec changes), are.

/** The chart is drawn in the browser after the page (and its table alternative) arrived. */
async function waitForCharts(page: Page, count: number) {
  await expect(page.locator(".chart-canvas .recharts-wrapper")).toHaveCount(count);
}

/** Opens a report's index, filtered to the demo source, and from there the report of `link`. */
async function openFromIndex(page: Page, index: { path: string; title: string }, link: string, title: string) {
  await page.goto(index.path);
  await expect(page.getByRole("heading", { level: 1, name: index.title })).toBeVisible();
  await page.getByLabel("Source").selectOption({ label: DEMO_SOURCE });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]source=[0-9a-f-]{36}/);
  await page.getByRole("link", { name: link, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

function openRecommendationReport(page: Page) {
  return openFromIndex(page, { path: "/reports/recommendations", title: "Reports by recommendation" }, "AAT17-01", "Recommendation AAT17-01");
}

function openPortugalCard(page: Page) {
  return openFromIndex(page, { path: "/reports/states", title: "State report cards" }, "Portugal", "Report card: Portugal");
}

/** The two index pages, each scanned once its table is there. */
async function scanIndexPages(page: Page) {
  await page.goto("/reports/recommendations");
  await expect(page.getByRole("table", { name: /Published recommendations/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto("/reports/states");
  await expect(page.getByRole("table", { name: /States and their scores/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
}

test("the recommendation report lists every State, with the distribution as a chart and a table", async ({ page }) => {
  await openRecommendationReport(page);
  await expect(page).toHaveTitle(/Recommendation AAT17-01/);
  await expect(page.getByRole("navigation", { name: "Reports" }).getByRole("link", { name: "By recommendation" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("definition").filter({ hasText: DEMO_SOURCE })).toBeVisible();

  const states = page.getByRole("table", { name: "Status of AAT17-01 in each State" });
  await expect(states.getByRole("rowheader")).toHaveCount(57);
  await expect(states.getByRole("rowheader", { name: "Portugal", exact: true })).toBeVisible();
  const portugal = states.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Portugal", exact: true }) });
  await expect(portugal).toContainText("Not started");
  await expect(portugal.getByRole("progressbar")).toBeVisible();

  // The chart is named for screen readers, and the same numbers are in a table right below it.
  await expect(page.getByRole("img", { name: /^Bar chart, States by status: Not started \d+, Planned \d+/ })).toBeVisible();
  const byStatus = page.getByRole("table", { name: "States by status (table)" });
  await expect(byStatus.getByRole("rowheader", { name: "Not started" })).toBeVisible();
  await expect(byStatus.getByRole("row", { name: /^Total 57 100\.0%$/ })).toBeVisible();
  const byOdihr = page.getByRole("table", { name: "States by ODIHR level (table)" });
  await expect(byOdihr.getByRole("rowheader", { name: "Not rated (not applicable)" })).toBeVisible();
  await expect(byOdihr.getByRole("row", { name: /^Total 57 100\.0%$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Overdue States" })).toBeVisible();

  // Exports carry the recommendation and the filters.
  await expect(page.getByRole("link", { name: "CSV" })).toHaveAttribute("href", /report=recommendation.*recommendationId=[0-9a-f-]{36}|recommendationId=[0-9a-f-]{36}.*report=recommendation/);
  await page.getByText("How these figures are computed").click();
  await expect(page.getByText(/^Overdue: the due date has passed/)).toBeVisible();

  await waitForCharts(page, 2);
  await expectNoSeriousAxeViolations(page);
});

test("a State report card shows the State's commitments, score and ODIHR distribution", async ({ page }) => {
  await openPortugalCard(page);
  await expect(page).toHaveTitle(/Report card: Portugal/);
  const commitments = page.getByRole("table", { name: "Commitments of Portugal" });
  await expect(commitments.getByRole("rowheader")).toHaveCount(8);
  for (let index = 1; index <= 8; index++) {
    await expect(commitments.getByRole("rowheader", { name: `AAT17-0${index}`, exact: true })).toBeVisible();
  }
  // Portugal has reported nothing: a score of 0.0% over 8 counted commitments, all "not implemented".
  const score = page.locator(".figure-tiles > div").filter({ hasText: "Score (mean progress)" });
  await expect(score).toContainText("0.0%");
  const byOdihr = page.getByRole("table", { name: "Commitments by ODIHR level (table)" });
  await expect(byOdihr.getByRole("row", { name: /^Not implemented 8 100\.0%$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Disagreements (0)" })).toBeVisible();
  // The card is about one State: no group filter, but the other filters and the exports.
  await expect(page.getByLabel("States", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Excel" })).toHaveAttribute("href", /report=state/);

  await waitForCharts(page, 1);
  await expectNoSeriousAxeViolations(page);

  // Each reference opens that recommendation's report.
  await commitments.getByRole("link", { name: "AAT17-02", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recommendation AAT17-02" })).toBeVisible();
});

test("the trend shows quarters, then months, as a chart and a table", async ({ page }) => {
  await page.goto("/reports/trend");
  await expect(page.getByRole("heading", { level: 1, name: "Trend" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Statuses at the end of each quarter (table)" }).getByRole("rowheader")).toHaveCount(8);
  await waitForCharts(page, 1);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Months" });
  await page.getByRole("button", { name: "Show periods" }).click();
  await expect(page).toHaveURL(/granularity=month/);
  const months = page.getByRole("table", { name: "Statuses at the end of each month (table)" });
  await expect(months.getByRole("rowheader")).toHaveCount(12);
  await expect(months.getByRole("rowheader").last()).toHaveText(/^\d{4}-\d{2}$/);
  await expect(page.getByRole("img", { name: /^Stacked bar chart of commitments by accepted status at the end of each month/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /granularity=month/);

  // The other filters keep the period choice.
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/granularity=month/);
  await expect(months.getByRole("rowheader")).toHaveCount(12);
});

test("the index pages and reports have no serious accessibility violations for an analyst", async ({ analystPage: page }) => {
  // Five scans of the largest pages.
  test.setTimeout(120_000);
  await scanIndexPages(page);

  await openRecommendationReport(page);
  await waitForCharts(page, 2);
  await expectNoSeriousAxeViolations(page);
  await openPortugalCard(page);
  await waitForCharts(page, 1);
  await expectNoSeriousAxeViolations(page);
  await page.goto("/reports/trend?granularity=month");
  await waitForCharts(page, 1);
  await expectNoSeriousAxeViolations(page);
});

test("signed out, the index pages have no serious accessibility violations", async ({ page }) => {
  await scanIndexPages(page);
});

test("the reports fit a 360 px wide screen: tables scroll inside their box, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });

  await openRecommendationReport(page);
  await waitForCharts(page, 2);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousAxeViolations(page);

  await openPortugalCard(page);
  await waitForCharts(page, 1);
  await expectNoHorizontalScroll(page);
  // The wide table scrolls in its own focusable region.
  const region = page.getByRole("region", { name: "Commitments of Portugal" });
  await expect(region).toBeVisible();
  expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await expectNoSeriousAxeViolations(page);

  await page.goto("/reports/trend?granularity=month");
  await waitForCharts(page, 1);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousAxeViolations(page);
});
