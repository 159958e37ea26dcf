import type { Page } from "@playwright/test";
import { BASE_URL } from "./base-url";
import { DEMO_SOURCE, errorSummary, expect, expectNoSeriousAxeViolations, expectSummaryLinks, test, trpcMutation, trpcQuery, unique } from "./fixtures";

type Source = { id: string; title: string; version: number };
type Recommendation = { id: string; reference: string; version: number };

/** Toasts are the layout's (their colours are sonner's): closed before a screen is scanned. */
async function closeToasts(page: Page) {
  const close = page.getByRole("button", { name: "Close toast" });
  for (let index = await close.count(); index > 0; index--) await close.first().click({ timeout: 2_000 }).catch(() => undefined);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
}

async function newSource(page: Page) {
  return trpcMutation<Source>(page, "sources.create", {
    title: `E2E source ${unique()}`,
    kind: "MONITORING_CYCLE",
    date: "2026-10-14",
    link: "https://www.osce.org/odihr",
    description: "Recommendations of a monitoring visit.",
  });
}

async function newDraft(page: Page, sourceId: string, stateIds: string[]) {
  return trpcMutation<Recommendation>(page, "recommendations.create", {
    sourceId,
    reference: `E2E-${unique()}`.toUpperCase(),
    text: "Provide trafficked persons with free legal aid from the first contact.",
    addressAllParticipating: false,
    addresseeStateIds: stateIds,
  });
}

test("an analyst finds a source from Recommendations, edits it through a conflict and publishes all its drafts", async ({ analystPage: page, demo }) => {
  test.setTimeout(120_000);
  const source = await newSource(page);
  const [austria, france, italy] = await Promise.all([demo.stateId("AT"), demo.stateId("FR"), demo.stateId("IT")]);
  const first = await newDraft(page, source.id, [austria, france]);
  const second = await newDraft(page, source.id, [italy]);

  await page.goto("/recommendations");
  await page.getByRole("link", { name: "All sources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  await page.getByLabel("Search").fill(source.title);
  const row = page.getByRole("row", { name: new RegExp(source.title) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Monitoring cycle");
  await expectNoSeriousAxeViolations(page);
  await row.getByRole("link", { name: source.title }).click();

  await expect(page).toHaveURL(`${BASE_URL}/sources/${source.id}`);
  await expect(page.getByRole("heading", { level: 1, name: source.title })).toBeVisible();
  await expect(page.getByRole("link", { name: "https://www.osce.org/odihr" })).toBeVisible();
  await expect(page.getByText("Recommendations of a monitoring visit.")).toBeVisible();
  await expect(page.getByText("2 draft recommendations are waiting")).toBeVisible();
  const table = page.getByRole("table", { name: /Recommendations of this source/ });
  for (const draft of [first, second]) {
    await expect(table.getByRole("row", { name: new RegExp(draft.reference) })).toContainText("Draft");
  }
  await expectNoSeriousAxeViolations(page);

  // Editing: a required field, then a stale save (someone renamed it meanwhile), reload, save.
  await page.getByRole("button", { name: "Edit source" }).click();
  const form = page.getByRole("form", { name: "Edit source" });
  await expect(form.getByLabel("Title", { exact: true })).toHaveValue(source.title);
  await form.getByLabel("Title", { exact: true }).fill("");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expectSummaryLinks(form, ["Title is required"]);
  await form.getByLabel("Title", { exact: true }).fill(`${source.title} (edited)`);
  await trpcMutation(page, "sources.update", { id: source.id, expectedVersion: source.version, location: "Vienna" });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Not saved: this source was changed by" })).toBeVisible();
  await expect(errorSummary(form)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await form.getByRole("button", { name: "Reload" }).click();
  await expect(form.getByLabel("Title", { exact: true })).toHaveValue(source.title);
  await expect(form.getByLabel("Location (optional)")).toHaveValue("Vienna");
  await form.getByLabel("Title", { exact: true }).fill(`${source.title} (edited)`);
  await form.getByRole("button", { name: "Add translations (optional)" }).click();
  const frenchTitle = `Source E2E ${unique()}`;
  await form.getByLabel("Title in Français").fill(frenchTitle);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${source.title} (edited)` })).toBeVisible();
  await expect(page.getByText("Vienna")).toBeVisible();
  // The translation was saved with it, and the form shows it at once the next time.
  await page.getByRole("button", { name: "Edit source" }).click();
  await expect(form.getByLabel("Title in Français")).toHaveValue(frenchTitle);
  await page.getByRole("button", { name: "Close the edit form" }).click();
  await expect(form).toHaveCount(0);

  // Publish all drafts: each addressed State gets its commitment.
  await page.getByRole("button", { name: "Publish all drafts" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish all drafts of this source?" });
  await expect(dialog).toContainText("Publish 2 drafts?");
  await dialog.getByRole("button", { name: "Publish all drafts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 recommendations published: 3 commitments created." })).toBeVisible();
  await expect(page.getByText("This source has no drafts.")).toBeVisible();
  for (const draft of [first, second]) {
    await expect(table.getByRole("row", { name: new RegExp(draft.reference) })).toContainText("Published");
  }
  await closeToasts(page);
  await expectNoSeriousAxeViolations(page);
  await table.getByRole("link", { name: first.reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Recommendation ${first.reference}` })).toBeVisible();
});

test("an analyst sets the due date of all commitments of a recommendation, then of one commitment", async ({ analystPage: page, demo }) => {
  test.setTimeout(120_000);
  const source = await newSource(page);
  const draft = await newDraft(page, source.id, await Promise.all([demo.stateId("AT"), demo.stateId("FR")]));
  await trpcMutation(page, "recommendations.publish", { recommendationId: draft.id, expectedVersion: draft.version });

  await page.goto(`/recommendations/${draft.id}`);
  const all = page.getByRole("form", { name: "Due date of all commitments" });
  await expect(all).toContainText("the due date of its 2 commitments");
  await all.getByLabel("Due date").fill("2031-06-30");
  await all.getByRole("button", { name: "Save due date" }).click();
  await expect(page.getByText("Due date set on 2 commitments.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "30 Jun 2031" })).toBeVisible();
  await closeToasts(page);
  await expectNoSeriousAxeViolations(page);

  const { items } = await trpcQuery<{ items: { id: string; version: number; dueDate: string; state: { iso2: string } }[] }>(page, "commitments.list", { recommendationId: draft.id });
  expect(items.map((item) => item.dueDate)).toEqual(["2031-06-30", "2031-06-30"]);
  const austria = items.find((item) => item.state.iso2 === "AT")!;

  await page.goto(`/commitments/${austria.id}`);
  const one = page.getByRole("form", { name: "Due date" });
  await expect(one.getByLabel("Due date")).toHaveValue("2031-06-30");
  await expectNoSeriousAxeViolations(page);
  // Meanwhile the recommendation's due date moves again: this commitment's form is stale.
  const current = await trpcQuery<Recommendation>(page, "recommendations.get", { id: draft.id });
  await trpcMutation(page, "recommendations.setDueDate", { recommendationId: draft.id, expectedVersion: current.version, dueDate: "2031-09-30" });
  await one.getByLabel("Due date").fill("2032-01-15");
  await one.getByRole("button", { name: "Save due date" }).click();
  await expect(one.getByRole("alert").filter({ hasText: "Not saved: this commitment was changed by" })).toBeVisible();
  await one.getByRole("button", { name: "Reload" }).click();
  await expect(one.getByLabel("Due date")).toHaveValue("2031-09-30");
  await one.getByLabel("Due date").fill("2032-01-15");
  await one.getByRole("button", { name: "Save due date" }).click();
  await expect(page.getByText("Due date saved.")).toBeVisible();
  await expect(page.getByRole("complementary").getByRole("definition").filter({ hasText: "15 Jan 2032" })).toBeVisible();
});

test("a focal point reads the sources in French, without the secretariat's controls; a source of drafts only is not found", async ({ focalPointPage, analystPage }) => {
  const page = await focalPointPage("IT");
  await page.context().addCookies([{ name: "locale", value: "fr", url: BASE_URL }]);
  const hidden = await newSource(analystPage);

  await page.goto("/sources");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByText("Les conférences, plans d’action et cycles de suivi dont sont issues les recommandations.")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Titre" })).toBeVisible();
  await expect(page.getByRole("link", { name: hidden.title })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: DEMO_SOURCE }).first().click();

  await expect(page.getByRole("heading", { level: 1, name: DEMO_SOURCE })).toBeVisible();
  await expect(page.getByRole("link", { name: "← Toutes les sources" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Recommandations de cette source/ }).getByRole("row", { name: /AAT17-01/ })).toContainText("Publiée");
  await expect(page.getByRole("button", { name: "Publier tous les brouillons" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Modifier la source" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  const response = await page.goto(`/sources/${hidden.id}`);
  expect(response?.status()).toBe(404);
});

test("a signed-out visitor reads the published sources, and a commitment's page links its source", async ({ page, analystPage, demo }) => {
  const hidden = await newSource(analystPage);
  await page.goto("/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  await expect(page.getByRole("link", { name: hidden.title })).toHaveCount(0);
  await page.getByRole("link", { name: DEMO_SOURCE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_SOURCE })).toBeVisible();
  await expect(page.getByRole("link", { name: "AAT17-01" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Publish all drafts" })).toHaveCount(0);
  expect((await page.goto(`/sources/${hidden.id}`))?.status()).toBe(404);

  await analystPage.goto(`/commitments/${(await demo.commitment("AT", "AAT17-02")).id}`);
  await analystPage.getByRole("link", { name: DEMO_SOURCE }).click();
  await expect(analystPage.getByRole("heading", { level: 1, name: DEMO_SOURCE })).toBeVisible();
  await expect(analystPage.getByRole("table", { name: /Recommendations of this source/ }).getByRole("link", { name: "AAT17-02" })).toBeVisible();
});
