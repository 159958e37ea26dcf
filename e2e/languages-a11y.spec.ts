import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { BASE_URL } from "./base-url";
import { USERS_PAGE_SIZE } from "../server/schemas/limits";
import { expect, expectNoSeriousAxeViolations, test, type Account, type DemoData } from "./fixtures";

// Every workspace and report page in each of the six languages: the page says its language
// (`<html lang>`), and axe finds nothing serious or critical. German and Russian, the longest,
// are photographed at 360 px and 1280 px (attached to the report) and must not scroll sideways.
// The language comes from the `locale` cookie, as when a reader picks it; the account is a new
// administrator's with no language of its own (a profile's choice would win over the cookie).

const LOCALES = ["en", "fr", "de", "it", "ru", "es"] as const;
type Locale = (typeof LOCALES)[number];

// Each language's pages are checked in groups, one test each, so that a test stays well within its
// time on a busy machine as pages are added.
const GROUPS = ["work", "administration", "settings", "reports"] as const;
type Group = (typeof GROUPS)[number];
type Pages = { name: string; path: string; signedIn: boolean; group: Group }[];

/** The pages to check, with the ids of a seeded commitment, its recommendation and State. */
async function pagesToCheck(demo: DemoData): Promise<Pages> {
  // Portugal's: no spec changes Portugal's commitments.
  const commitment = await demo.commitment("PT", "AAT17-04");
  return [
    { name: "sign-in", path: "/sign-in", signedIn: false, group: "work" },
    { name: "commitments", path: "/commitments", signedIn: true, group: "work" },
    { name: "a commitment", path: `/commitments/${commitment.id}`, signedIn: true, group: "work" },
    { name: "review", path: "/review", signedIn: true, group: "work" },
    { name: "recommendations", path: "/recommendations", signedIn: true, group: "administration" },
    { name: "a recommendation", path: `/recommendations/${commitment.recommendationId}`, signedIn: true, group: "administration" },
    { name: "users", path: "/admin/users", signedIn: true, group: "administration" },
    { name: "sources", path: "/sources", signedIn: true, group: "administration" },
    { name: "a source", path: `/sources/${commitment.sourceId}`, signedIn: true, group: "administration" },
    { name: "import", path: "/recommendations/import", signedIn: true, group: "administration" },
    { name: "status scales", path: "/admin/scales", signedIn: true, group: "settings" },
    { name: "a new status scale", path: "/admin/scales/new", signedIn: true, group: "settings" },
    { name: "themes", path: "/admin/themes", signedIn: true, group: "settings" },
    { name: "a commitment's history", path: `/commitments/${commitment.id}/history`, signedIn: true, group: "settings" },
    { name: "audit log", path: "/admin/audit", signedIn: true, group: "settings" },
    { name: "reports", path: "/reports", signedIn: true, group: "reports" },
    { name: "matrix", path: "/reports/matrix", signedIn: true, group: "reports" },
    { name: "overdue", path: "/reports/overdue", signedIn: true, group: "reports" },
    { name: "trend", path: "/reports/trend", signedIn: true, group: "reports" },
    { name: "a State report", path: `/reports/states/${commitment.stateId}`, signedIn: true, group: "reports" },
  ];
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type Sessions = { of: (account: Account) => Promise<StorageState> };

/** Two browser contexts in one language, signed out and signed in (a new administrator), at one width. */
async function contextsIn(browser: Browser, demo: DemoData, sessions: Sessions, locale: Locale, width: number) {
  const admin = await demo.createAccount({ role: "ADMIN" });
  const viewport = { width, height: 900 };
  const signedOut = await browser.newContext({ viewport });
  const signedIn = await browser.newContext({ viewport, storageState: await sessions.of(admin) });
  for (const context of [signedOut, signedIn]) await context.addCookies([{ name: "locale", value: locale, url: BASE_URL }]);
  return { signedOut: await signedOut.newPage(), signedIn: await signedIn.newPage(), close: () => Promise.all([signedOut.close(), signedIn.close()]) };
}

/** Opens a page and waits until it shows its heading, in the expected language. */
async function open(page: Page, path: string, locale: Locale) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test.describe.configure({ mode: "parallel" });

for (const locale of LOCALES) {
  for (const group of GROUPS) {
    test(`every ${group} page in ${locale}: the right lang and no serious accessibility violations`, async ({ browser, demo, sessions }) => {
      test.setTimeout(180_000);
      const pages = (await pagesToCheck(demo)).filter((page) => page.group === group);
      const reader = await contextsIn(browser, demo, sessions, locale, 1280);
      try {
        for (const { name, path, signedIn } of pages) {
          await test.step(name, async () => {
            const page = signedIn ? reader.signedIn : reader.signedOut;
            await open(page, path, locale);
            await expectNoSeriousAxeViolations(page);
          });
        }
      } finally {
        await reader.close();
      }
    });
  }
}

/** A screenshot of the whole page, in the test's report. */
async function photograph(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true, animations: "disabled" }), contentType: "image/png" });
}

for (const locale of ["de", "ru"] as const) {
  for (const width of [360, 1280]) {
    test(`the longest language, ${locale}, at ${width} px: no page scrolls sideways (screenshots attached)`, async ({ browser, demo, sessions }, testInfo) => {
      test.setTimeout(300_000);
      const pages = await pagesToCheck(demo);
      // More users than one page of the list holds: its pager's buttons must fit the width too.
      for (let created = 0; created < USERS_PAGE_SIZE; created++) await demo.createAccount({ role: "ANALYST" });
      const reader = await contextsIn(browser, demo, sessions, locale, width);
      try {
        for (const { name, path, signedIn } of pages) {
          await test.step(name, async () => {
            const page = signedIn ? reader.signedIn : reader.signedOut;
            await open(page, path, locale);
            if (name === "users") await expect(page.getByRole("navigation", { name: /.+/ }).getByRole("button").last()).toBeEnabled();
            await photograph(page, testInfo, `${locale}-${width}px-${name.replaceAll(" ", "-")}`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${path} is ${overflow} px wider than the window`).toBeLessThanOrEqual(0);
          });
        }
      } finally {
        await reader.close();
      }
    });
  }
}
