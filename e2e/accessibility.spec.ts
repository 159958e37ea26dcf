import { alerts, expect, expectNoSeriousAxeViolations, test } from "./fixtures";

// Screens not covered by a journey's own scan: sign-in (with its error), "not found", and a
// commitment as the secretariat and as a signed-out visitor.

test("sign-in, with and without an error, has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alerts(page)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("the not-found page has no serious accessibility violations", async ({ page, analystPage }) => {
  const response = await page.goto("/api/../no-such-thing");
  expect(response?.status()).toBeLessThan(500);
  await analystPage.goto("/commitments/0195b0a0-0000-7000-8000-000000000000");
  await expect(analystPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expectNoSeriousAxeViolations(analystPage);
});

test("a commitment seen by the analyst has no serious accessibility violations", async ({ analystPage: page, demo }) => {
  // Portugal's: no spec changes Portugal's commitments.
  await page.goto(`/commitments/${(await demo.commitment("PT", "AAT17-04")).id}`);
  await expect(page.getByRole("heading", { level: 1, name: /AAT17-04/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
