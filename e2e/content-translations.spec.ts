import type { Browser, BrowserContext } from "@playwright/test";
import { expect, test, trpcMutation, unique, type Account } from "./fixtures";

// Content in the reader's language: a recommendation's French translation is shown to a French
// reader with lang="fr"; a German reader, without a German translation, sees the English original
// with lang="en" and the note "Original auf Englisch". The readers are a new analyst of this test
// (no language chosen in the profile, so the browser's language decides).

/** A page of its own browser context, signed in with `storageState`, whose browser speaks `locale`. */
async function pageIn(browser: Browser, sessionState: Awaited<ReturnType<BrowserContext["storageState"]>>, locale: string) {
  const context = await browser.newContext({ storageState: sessionState, locale });
  return { context, page: await context.newPage() };
}

test("an analyst adds a French translation; French and German readers see their language or the marked original", async ({ browser, demo, sessions, analystPage }) => {
  test.setTimeout(90_000);
  const account: Account = await demo.createAccount({ role: "ANALYST" });
  const session = await sessions.of(account);

  // A published recommendation of this test's own source (the demo data stays as it is).
  const source = await trpcMutation<{ id: string }>(analystPage, "sources.create", { title: `E2E source ${unique()}`, kind: "CONFERENCE", date: "2026-11-01" });
  const reference = `E2E-${unique()}`.toUpperCase();
  const english = `${reference}: Provide an interpreter for victims at every court hearing.`;
  const french = `${reference} : Fournir un interprète aux victimes à chaque audience.`;
  const draft = await trpcMutation<{ id: string; version: number }>(analystPage, "recommendations.create", {
    sourceId: source.id,
    reference,
    text: english,
    addressAllParticipating: true,
  });
  await trpcMutation(analystPage, "recommendations.publish", { recommendationId: draft.id, expectedVersion: draft.version });

  const writer = await pageIn(browser, session, "en-GB");
  await writer.page.goto(`/recommendations/${draft.id}`);
  await expect(writer.page.getByRole("heading", { level: 1, name: `Recommendation ${reference}` })).toBeVisible();
  const field = writer.page.getByLabel("Text in Français");
  await expect(field).toHaveAttribute("lang", "fr");
  await field.fill(french);
  await writer.page.getByRole("button", { name: "Save translations" }).click();
  await expect(writer.page.getByText(`Translations of ${reference} saved.`)).toBeVisible();
  // The English reader sees the original, unmarked.
  await expect(writer.page.locator('p.recommendation-text[lang="en"]')).toHaveText(english);
  await expect(writer.page.getByText("(original in English)")).toHaveCount(0);
  await writer.context.close();

  const frenchReader = await pageIn(browser, session, "fr-FR");
  await frenchReader.page.goto(`/recommendations/${draft.id}`);
  await expect(frenchReader.page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(frenchReader.page.locator('p.recommendation-text[lang="fr"]')).toHaveText(french);
  await expect(frenchReader.page.getByText("(original en anglais)")).toHaveCount(0);
  // The list shows it too, found by a word that only the translation has.
  await frenchReader.page.goto("/recommendations");
  await frenchReader.page.locator("#filter-search").fill("audience");
  const row = frenchReader.page.getByRole("row").filter({ has: frenchReader.page.getByRole("link", { name: reference }) });
  await expect(row.locator('[lang="fr"]').first()).toContainText(`${reference} : Fournir`);
  // The recommendation's report too, read by anyone.
  await frenchReader.page.goto(`/reports/recommendations/${draft.id}`);
  await expect(frenchReader.page.locator('p.recommendation-text[lang="fr"]')).toHaveText(french);
  await frenchReader.context.close();

  const germanReader = await pageIn(browser, session, "de-DE");
  await germanReader.page.goto(`/recommendations/${draft.id}`);
  await expect(germanReader.page.locator("html")).toHaveAttribute("lang", "de");
  await expect(germanReader.page.locator('p.recommendation-text[lang="en"]')).toHaveText(english);
  const note = germanReader.page.getByText("(Original auf Englisch)");
  await expect(note).toBeVisible();
  // The note is German, written in the page's language (no lang of its own).
  await expect(note).not.toHaveAttribute("lang", /.+/);
  await germanReader.page.goto(`/reports/recommendations/${draft.id}`);
  await expect(germanReader.page.locator('p.recommendation-text[lang="en"]')).toHaveText(english);
  // Marked twice: the text and the source's title, neither translated into German.
  await expect(germanReader.page.getByText("(Original auf Englisch)")).toHaveCount(2);
  await germanReader.context.close();
});
