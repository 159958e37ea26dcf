import type { Page } from "@playwright/test";
import { alerts, expect, expectNoHorizontalScroll, expectNoSeriousAxeViolations, test } from "./fixtures";

// Reads demo data only (the 2017 recommendations AAT17-01..08, published to every participating
// State); other specs may add commitments, so rows are checked by reference, not by total.
const DEMO_REFERENCES = Array.from({ length: 8 }, (_, index) => `AAT17-0${index + 1}`);

/** Waits until the rows shown are those of the current URL (not the previous page's, kept while loading). */
async function waitForList(page: Page) {
  await expect(page.getByRole("status")).toHaveText(/^[\d,]+ commitments?$/);
}

function rowHeaders(page: Page) {
  return page.getByRole("table").getByRole("rowheader");
}

test("a focal point lands on their State's commitments, searches literally and clears the search", async ({ focalPointPage }) => {
  const page = await focalPointPage("AT");
  await page.goto("/");
  await expect(page).toHaveURL(/\/commitments$/);
  await expect(page.getByRole("heading", { level: 1, name: "Commitments of Austria" })).toBeVisible();
  const table = page.getByRole("table", { name: /Commitments of Austria/ });
  for (const reference of DEMO_REFERENCES) {
    await expect(table.getByRole("rowheader", { name: reference, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("status").filter({ hasText: /\d+ commitments/ })).toBeVisible();
  // Each row shows its status in text, its progress and its due date.
  const firstRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "AAT17-01", exact: true }) });
  await expect(firstRow.getByRole("link")).toHaveAttribute("href", /^\/commitments\/[0-9a-f-]{36}$/);
  await expect(firstRow).toContainText("Not started");
  await expect(firstRow.getByRole("progressbar")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("searchbox", { name: "Search" }).fill("temporary residency");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=temporary\+residency/);
  await expect(rowHeaders(page)).toHaveText(["AAT17-01"]);
  await expect(page.getByRole("status")).toHaveText("1 commitment");

  // A search that matches nothing says what to do.
  await page.getByRole("searchbox", { name: "Search" }).fill("100%_no_such_text");
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page.getByText("No commitments match these filters.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);

  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/commitments$/);
  await waitForList(page);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
  for (const reference of DEMO_REFERENCES) {
    await expect(rowHeaders(page).filter({ hasText: reference })).toHaveCount(1);
  }

  // The back button returns to the search.
  await page.goBack();
  await expect(page.getByText("No commitments match these filters.")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("100%_no_such_text");
  await expect(alerts(page)).toHaveCount(0);
});

test("an analyst filters by State, pages forward and back, and the filter is in the URL", async ({ analystPage: page }) => {
  await page.goto("/commitments");
  await expect(page.getByRole("heading", { level: 1, name: "Commitments" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Keyset paging: the next page starts after the first; the way back shows the first again.
  const firstPageRows = await page.getByRole("table").getByRole("row").allTextContents();
  await waitForList(page);
  const count = (await page.getByRole("status").textContent())!;
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText(/^Page 1 of [\d,]+/);
  const pageCount = /of ([\d,]+)/.exec((await pager.textContent())!)![1]!;
  // The API counts only the first page; the list keeps its total while paging.
  const nextResponse = page.waitForResponse((response) => response.url().includes("commitments.list"));
  await page.getByRole("link", { name: /Next page/ }).click();
  await expect(page).toHaveURL(/cursor=/);
  expect(await (await nextResponse).text()).toContain('"totalCount":null');
  await waitForList(page);
  await expect(page.getByRole("table").getByRole("row").nth(1)).not.toHaveText(firstPageRows[1]!);
  await expect(page.getByRole("status")).toHaveText(count);
  await expect(pager).toContainText(`Page 2 of ${pageCount}`);
  // Reloaded, the second page is counted by the server page (other specs may publish meanwhile).
  await page.reload();
  await waitForList(page);
  await expect(pager).toContainText(/Page 2 of [\d,]+/);
  await page.getByRole("link", { name: /Previous page|First page/ }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await waitForList(page);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toHaveText(firstPageRows[1]!);

  await page.getByLabel("State", { exact: true }).selectOption({ label: "Italy" });
  await expect(page).toHaveURL(/state=IT/);
  await waitForList(page);
  const table = page.getByRole("table", { name: /Commitments of Italy/ });
  for (const reference of DEMO_REFERENCES) {
    await expect(table.getByRole("rowheader", { name: reference, exact: true })).toBeVisible();
  }
  const states = await table.locator("tbody tr td:nth-of-type(2)").allTextContents();
  expect(new Set(states)).toEqual(new Set(["Italy"]));
  await expectNoSeriousAxeViolations(page);

  // The URL is shareable: opening it again shows the same filter.
  await page.goto(page.url());
  await expect(page.getByLabel("State", { exact: true })).toHaveValue("IT");
  await expect(page.getByRole("table", { name: /Commitments of Italy/ })).toBeVisible();
});

test("the list fits a 360 px wide screen: the table scrolls inside its wrapper", async ({ focalPointPage }) => {
  const page = await focalPointPage("AT");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/commitments");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(rowHeaders(page).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  const wrap = page.getByRole("region", { name: /Commitments of Austria/ });
  const scrolls = await wrap.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(scrolls).toBe(true);
  await expectNoSeriousAxeViolations(page);
});
