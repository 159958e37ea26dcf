import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";

// The e2e server runs on the embedded database with the demo accounts and their published password.
async function expectDemoBanner(page: Page) {
  const banner = page.getByRole("complementary", { name: "Demo data" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("demo data");
}

test("T26 every page says it holds demo data while the demo accounts have the published password", async ({ page, analystPage }) => {
  for (const path of ["/reports", "/sign-in", "/reports/matrix", "/no-such-page"]) {
    await page.goto(path);
    await expectDemoBanner(page);
  }
  for (const path of ["/review", "/commitments", "/account"]) {
    await analystPage.goto(path);
    await expectDemoBanner(analystPage);
  }
  await expectNoSeriousAxeViolations(analystPage);
});
