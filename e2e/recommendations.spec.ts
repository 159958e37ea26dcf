import type { Page } from "@playwright/test";
import { errorSummary, expect, expectSummaryLinks, expectNoHorizontalScroll, expectNoSeriousAxeViolations, test, trpcMutation, trpcQuery, unique } from "./fixtures";

// Each test makes its own recommendation with a unique reference: the database is shared with
// other specs running at the same time, and the demo recommendations are left untouched.
function uniqueReference() {
  return `E2E-${unique()}`.toUpperCase();
}

/**
 * Toasts are the layout's, not this screen's (and sonner's rich colours are below 4.5:1 contrast):
 * they are closed before a screen is scanned.
 */
async function closeToasts(page: Page) {
  const close = page.getByRole("button", { name: "Close toast" });
  for (let index = await close.count(); index > 0; index--) {
    // A toast may time out on its own meanwhile: then there is nothing left to click.
    await close.first().click({ timeout: 2_000 }).catch(() => undefined);
  }
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
}

/** Chooses the source of this title in the recommendation form. */
async function chooseSource(page: Page, title: string) {
  const source = page.getByLabel("Source", { exact: true });
  const value = await source.locator("option", { hasText: title }).first().getAttribute("value");
  expect(value).toBeTruthy();
  await source.selectOption(value!);
}

/**
 * Creates a source of this test's own (through the API, as the signed-in analyst) and chooses it
 * in the form, so that what the test publishes never changes the demo source other specs report on.
 */
async function chooseOwnSource(page: Page) {
  const title = `E2E source ${unique()}`;
  await trpcMutation(page, "sources.create", { title, kind: "CONFERENCE", date: "2026-11-01" });
  await page.reload();
  await chooseSource(page, title);
}

test("an analyst publishes a new recommendation to all participating States and a focal point finds it", async ({ analystPage: page, focalPointPage }) => {
  // A long journey: two users, three accessibility scans.
  test.setTimeout(120_000);
  const reference = uniqueReference();
  const text = `${reference}: Provide trafficked children with a guardian within 24 hours of identification.`;

  await page.goto("/recommendations");
  await expect(page.getByRole("heading", { level: 1, name: "Recommendations" })).toBeVisible();
  // The newest sources come first (the demo's UPR list, other tests' own): the 2017 ones by search.
  await page.getByLabel("Search").fill("AAT17-01");
  await expect(page.getByRole("table", { name: /Recommendations/ }).getByRole("link", { name: "AAT17-01" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "New recommendation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New recommendation" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await chooseOwnSource(page);
  await page.getByLabel("Reference").fill(reference);
  await page.getByLabel("Recommendation text").fill(text);
  await expect(page.getByText(`${text.length} / 20,000 characters`)).toBeVisible();
  await page.getByRole("checkbox", { name: "Children" }).check();
  await page.getByRole("checkbox", { name: "Protection" }).check();
  await expect(page.getByRole("checkbox", { name: "All participating States (57)" })).toBeChecked();
  await page.getByLabel("Due date (optional)").fill("2027-12-31");
  await expect(page.getByLabel("Status scale")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page).toHaveURL(/\/recommendations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Draft ${reference}` })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this recommendation?" });
  await expect(dialog).toContainText(`Publish ${reference} to 57 States? Each gets a commitment.`);
  await dialog.getByRole("button", { name: "Publish" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Published: 57 commitments created" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Recommendation ${reference}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add States" })).toBeVisible();
  await closeToasts(page);
  await expectNoSeriousAxeViolations(page);

  // Later, a Partner for Co-operation is added: it gets its (voluntary) commitment at once.
  await page.getByLabel("Find a State").fill("Japan");
  await page.getByRole("checkbox", { name: "Japan" }).check();
  await page.getByRole("button", { name: "Add 1 State" }).click();
  await expect(page.getByRole("status").filter({ hasText: "States added: 1 commitment created" })).toBeVisible();
  await expect(page.getByText("All participating States and Japan (Partner, voluntary)")).toBeVisible();

  // The Italian focal point now has the commitment in their list.
  const focal = await focalPointPage("IT");
  const found = await trpcQuery<{ items: { recommendation: { reference: string }; state: { iso2: string } }[] }>(focal, "commitments.list", { search: reference });
  expect(found.items.map((item) => [item.recommendation.reference, item.state.iso2])).toEqual([[reference, "IT"]]);

  await focal.goto("/commitments");
  await focal.getByRole("searchbox", { name: "Search" }).fill(reference);
  await focal.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(focal.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: new RegExp(reference) })).toBeVisible();
});

test("a draft without text is refused with the field error and summary, then saved and deleted", async ({ analystPage: page }) => {
  const reference = uniqueReference();
  await page.goto("/recommendations/new");
  await chooseOwnSource(page);
  await page.getByLabel("Reference").fill(reference);
  await page.getByRole("button", { name: "Create draft" }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Text is required" })).toBeVisible();
  await expect(page.locator("#rec-text-error")).toHaveText(/Text is required/);
  await expect(page.getByLabel("Recommendation text")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Reference")).toHaveValue(reference);
  await expect(page).toHaveURL(/\/recommendations\/new$/);
  const none = await trpcQuery<{ items: unknown[] }>(page, "recommendations.list", { search: reference });
  expect(none.items).toHaveLength(0);

  // Addressed to nobody is refused too, next to the States.
  await page.getByRole("checkbox", { name: "All participating States (57)" }).uncheck();
  await page.getByLabel("Recommendation text").fill(`${reference}: Train labour inspectors to identify child trafficking.`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(summary.getByRole("link", { name: /choose at least one State/ })).toBeVisible();
  await page.getByLabel("Find a State").fill("austria");
  await page.getByRole("checkbox", { name: "Austria" }).check();
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Draft ${reference}` })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Austria" })).toBeChecked();
  await page.getByLabel("Recommendation text").fill(`${reference}: Train labour inspectors and border guards.`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${reference} saved.`)).toBeVisible();

  await page.getByRole("button", { name: "Delete draft" }).click();
  await page.getByRole("dialog", { name: "Delete this draft?" }).getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(/\/recommendations$/);
  const gone = await trpcQuery<{ items: unknown[] }>(page, "recommendations.list", { search: reference });
  expect(gone.items).toHaveLength(0);
});

test("the source form checks its fields before sending; a new source is chosen in the form; a taken reference is refused on its field", async ({ analystPage: page }) => {
  const reference = uniqueReference();
  await page.goto("/recommendations/new");
  await page.getByLabel("Reference").fill(reference);
  await page.getByRole("button", { name: "Source not listed? Add a new source" }).click();
  const sourceForm = page.getByRole("form", { name: "New source" });
  await sourceForm.getByLabel("Link (optional)").fill("ftp://example.test/report");
  await sourceForm.getByRole("button", { name: "Add source" }).click();
  await expectSummaryLinks(sourceForm, ["Title is required", "Choose the kind of source", "Enter a date as YYYY-MM-DD", "Link must be a web address starting with http:// or https://"]);
  await expect(sourceForm.getByLabel("Link (optional)")).toHaveAttribute("aria-invalid", "true");

  const title = `E2E source ${unique()}`;
  await sourceForm.getByLabel("Title").fill(title);
  await sourceForm.getByLabel("Kind").selectOption({ label: "Conference" });
  await sourceForm.getByLabel("Date").fill("2026-11-01");
  await sourceForm.getByLabel("Link (optional)").fill("https://example.test/report");
  await sourceForm.getByRole("button", { name: "Add source" }).click();
  // The new source is chosen for the user, and what they typed stays.
  await expect(page.getByLabel("Source", { exact: true }).locator("option:checked")).toHaveText(new RegExp(title));
  await expect(page.getByLabel("Reference")).toHaveValue(reference);

  await page.getByLabel("Recommendation text").fill(`${reference}: first.`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Draft ${reference}` })).toBeVisible();

  // The same reference in the same source: only the API knows, and its message lands on the field.
  await page.goto("/recommendations/new");
  await chooseSource(page, title);
  await page.getByLabel("Reference").fill(reference);
  await page.getByLabel("Recommendation text").fill(`${reference}: second.`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.locator("#rec-reference-error")).toHaveText(/This reference is already used in this source/);
  await expect(page.getByLabel("Reference")).toHaveAttribute("aria-invalid", "true");
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "This reference is already used in this source" })).toBeVisible();
});

test("the list and the form work 360 px wide", async ({ analystPage: page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/recommendations");
  await expect(page.getByRole("link", { name: "New recommendation" })).toBeVisible();
  // Whichever recommendations come first (the newest sources: the demo's UPR list, other tests' own).
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.getByLabel("Search").fill("AAT17-0");
  await expect(page.getByRole("link", { name: "AAT17-01" })).toBeVisible();
  await page.getByLabel("Search").fill("AAT17-03");
  await expect(page.getByRole("link", { name: "AAT17-03" })).toBeVisible();
  await expect(page.getByRole("link", { name: "AAT17-01" })).toHaveCount(0);
  await page.getByLabel("Search").fill("no such recommendation at all");
  await expect(page.getByText("No recommendation matches these filters.")).toBeVisible();

  await page.goto("/recommendations/new");
  await expect(page.getByLabel("Recommendation text")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create draft" })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
