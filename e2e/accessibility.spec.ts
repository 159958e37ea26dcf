import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations, signInAndWait } from "./fixtures";

// Screens not covered by a journey's own scan: sign-in (with its error), "not found", and a
// commitment as the secretariat and as a signed-out visitor.

test("sign-in, with and without an error, has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("the not-found page has no serious accessibility violations", async ({ page }) => {
  const response = await page.goto("/api/../no-such-thing");
  expect(response?.status()).toBeLessThan(500);
  await signInAndWait(page, "analyst@demo.test");
  await page.goto("/commitments/0195b0a0-0000-7000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("a commitment seen by the analyst has no serious accessibility violations", async ({ page }) => {
  await signInAndWait(page, "analyst@demo.test");
  await page.goto("/commitments?q=AAT17-04");
  await page.getByRole("row").filter({ hasText: "AAT17-04" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /AAT17-04/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
