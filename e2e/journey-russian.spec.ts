import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// A focal point who reads Russian, from signing in to submitting an update and reading the
// compliance matrix. The browser asks for Russian (Accept-Language) and nothing else: every
// screen must answer in Russian, with <html lang="ru">. The words expected are read from the
// catalogs at test time, so the test follows the translations rather than copying them.

type Catalog = { [key: string]: string | Catalog };

function catalog(locale: string, namespace: string): Catalog {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "server", "i18n", "messages", locale, `${namespace}.json`), "utf8")) as Catalog;
}

/** The message at a dotted key, or undefined when the catalog has none. */
function message(messages: Catalog, key: string): string | undefined {
  const found = key.split(".").reduce<string | Catalog | undefined>((at, part) => (at && typeof at === "object" ? at[part] : undefined), messages);
  return typeof found === "string" ? found : undefined;
}

/** The dotted key of the first message with this text. */
function keyOf(messages: Catalog, text: string, prefix = ""): string | undefined {
  for (const [key, value] of Object.entries(messages)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value === text) return dotted;
    if (typeof value === "object") {
      const inner = keyOf(value, text, dotted);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** A Russian message that must be there (this journey's own screens). */
function ru(namespace: string, key: string): string {
  const text = message(catalog("ru", namespace), key);
  expect(text, `ru/${namespace}.json has ${key}`).toBeTruthy();
  return text!;
}

/** A message with placeholders as a pattern: each {argument} matches any text. */
function pattern(text: string) {
  return new RegExp(`^${text.split(/\{[a-z]+\}/i).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join(".+")}$`);
}

async function expectRussian(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
}

test.use({ locale: "ru-RU" });

test("a focal point works in Russian: signs in, submits an update, reads the matrix", async ({ page, demo }) => {
  // An account of its own, so that no other spec's commitment or session is touched.
  const commitment = await demo.commitment("RU", "AAT17-08");
  const account = await demo.createAccount({ role: "FOCAL_POINT", stateId: commitment.stateId });

  // Signing in (the sign-in page's words are its own: the fields are found by what they are).
  await page.goto("/sign-in");
  await expectRussian(page);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  // Their commitments, in Russian.
  await page.goto("/commitments");
  await expectRussian(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pattern(ru("commitments", "list.titleOfState")));
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Commitments/);
  await expect(page.getByRole("columnheader", { name: ru("commitments", "table.acceptedStatus") })).toBeVisible();
  await page.getByRole("row").filter({ hasText: commitment.reference }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/commitments/${commitment.id}$`));
  await expectRussian(page);

  // Reporting progress.
  await expect(page.getByRole("heading", { name: ru("commitments", "form.titleNew") })).toBeVisible();
  await page.getByLabel(ru("commitments", "form.status")).selectOption({ index: 2 });
  await page.getByLabel(ru("commitments", "form.narrative")).fill("Принят национальный план действий по борьбе с торговлей людьми на 2026–2028 годы.");
  await page.getByRole("button", { name: ru("commitments", "form.submit") }).click();
  await expect(page.getByText(ru("commitments", "form.submitted"), { exact: true })).toBeVisible();
  const submitted = page.getByRole("region", { name: ru("commitments", "detail.waitingTitle") });
  await expect(submitted).toBeVisible();
  await expect(submitted.locator(".badge-update")).toHaveText(new RegExp(`${ru("common", "reviewStates.SUBMITTED")}$`));
  await expect(submitted.getByText(ru("commitments", "detail.locked"))).toBeVisible();

  // The compliance matrix, in Russian.
  await page.goto("/reports/matrix");
  await expectRussian(page);
  await expect(page.locator("table.matrix")).toBeVisible();
  // The matrix's words are the reports catalog's: its title is looked up by the English title.
  const titleKey = keyOf(catalog("en", "reports"), "Compliance matrix");
  if (titleKey) await expect(page.getByRole("heading", { level: 1 })).toHaveText(ru("reports", titleKey));
});
