import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { BASE_URL } from "./base-url";
import { DEMO, expect, expectNoSeriousAxeViolations, test } from "./fixtures";

// The interface language: the first visit follows the browser's Accept-Language, the Language
// select (in the header of every page, the sign-in page's included) switches it at once, and a
// signed-in user's choice is kept in their profile, where it wins over the browser's cookie.

const LANGUAGES = ["en", "fr", "de", "it", "ru", "es"] as const;

/** The select in the header, found by its English name or the name it has in the page's language. */
const languageSelect = (page: Page) => page.locator("header").getByLabel(/^(Language|Langue|Sprache|Lingua|Язык|Idioma)$/);

async function setLanguageCookie(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "locale", value: locale, url: BASE_URL, sameSite: "Lax" }]);
}

/** The lang attribute of the page's <html>, as the server sends it. */
async function htmlLangOf(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return /<html[^>]*\blang="([^"]+)"/.exec(await response.text())?.[1];
}

test.describe("a first visit", () => {
  test.use({ locale: "fr-FR" });

  test("follows the browser's Accept-Language: French, with <html lang=\"fr\">", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
    await expect(page).toHaveTitle("Se connecter · Commitment Tracker");
    await expect(languageSelect(page)).toHaveValue("fr");
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Rapports" })).toBeVisible();
  });
});

test("the Language select on the sign-in page switches the interface at once and is kept in a cookie", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const select = page.getByLabel("Language");
  await expect(select.locator("option")).toHaveText(["English", "Français", "Deutsch", "Italiano", "Русский", "Español"]);
  await expect(select.locator('option[value="ru"]')).toHaveAttribute("lang", "ru");
  await expectNoSeriousAxeViolations(page);

  await select.selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();
  await expect(page.getByLabel("Passwort")).toBeVisible();
  await expect(page).toHaveTitle("Anmelden · Commitment Tracker");
  const cookie = (await page.context().cookies()).find((row) => row.name === "locale");
  expect(cookie).toMatchObject({ value: "de", path: "/", sameSite: "Lax" });
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 24 * 60 * 60 * 1000);
  await expectNoSeriousAxeViolations(page);

  // Kept on the next page, and back to English with the same select.
  await page.goto("/reports");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await languageSelect(page).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" })).toBeVisible();
});

test("a signed-in user's choice in the header is kept in their profile: another browser signed in as them gets it", async ({ demo, signedInPage }) => {
  const account = await demo.createAccount({ role: "ANALYST" });
  const page = await signedInPage(account);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  await languageSelect(page).selectOption("ru");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1, name: "Ваша учетная запись" })).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("Аналитик Секретариата");
  await expect(page).toHaveTitle("Учетная запись · Commitment Tracker");

  // A fresh browser (no cookie, Accept-Language English) signed in as the same user.
  const other = await signedInPage(account);
  expect((await other.context().cookies()).some((row) => row.name === "locale")).toBe(false);
  await other.goto("/account");
  await expect(other.locator("html")).toHaveAttribute("lang", "ru");
  await expect(languageSelect(other)).toHaveValue("ru");

  // The profile wins over a cookie of another language; choosing again changes both.
  await setLanguageCookie(other.context(), "es");
  await other.reload();
  await expect(other.locator("html")).toHaveAttribute("lang", "ru");
  await languageSelect(other).selectOption("it");
  await expect(other.locator("html")).toHaveAttribute("lang", "it");
  await expect(other.getByRole("heading", { level: 1, name: "Il tuo profilo" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
});

test("every page has the <html lang> of the reader's language, in each of the six", async ({ browser, demo, signedInPage }) => {
  test.setTimeout(180_000);
  const commitment = await demo.commitment("AT", "AAT17-01");
  const signedInPages = [
    "/",
    "/account",
    "/commitments",
    `/commitments/${commitment.id}`,
    "/review",
    "/recommendations",
    `/recommendations/${commitment.recommendationId}`,
    "/recommendations/new",
    "/admin/users",
    "/reports",
    "/reports/matrix",
    "/reports/overdue",
    "/reports/trend",
    "/reports/recommendations",
    "/reports/states",
    `/reports/states/${commitment.stateId}`,
    `/reports/recommendations/${commitment.recommendationId}`,
  ];
  const admin = await signedInPage(DEMO.admin);
  const visitor = await browser.newContext();
  try {
    for (const locale of LANGUAGES) {
      await setLanguageCookie(admin.context(), locale);
      await setLanguageCookie(visitor, locale);
      expect(await htmlLangOf(visitor.request, "/sign-in"), `/sign-in in ${locale}`).toBe(locale);
      expect(await htmlLangOf(visitor.request, "/"), `/ (signed out) in ${locale}`).toBe(locale);
      for (const path of signedInPages) expect(await htmlLangOf(admin.request, path), `${path} in ${locale}`).toBe(locale);
    }
  } finally {
    await visitor.close();
  }
});
