import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations, signInAndWait } from "./fixtures";

// The e2e server runs on the embedded database with the demo accounts and their published password.
async function expectDemoBanner(page: Page) {
  const banner = page.getByRole("complementary", { name: "Demo data" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("demo data");
}

test("T26 every page says it holds demo data while the demo accounts have the published password", async ({ page }) => {
  for (const path of ["/reports", "/sign-in", "/reports/matrix", "/no-such-page"]) {
    await page.goto(path);
    await expectDemoBanner(page);
  }
  await signInAndWait(page, "analyst@demo.test");
  for (const path of ["/review", "/commitments", "/account"]) {
    await page.goto(path);
    await expectDemoBanner(page);
  }
  await expectNoSeriousAxeViolations(page);
});
