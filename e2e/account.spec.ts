import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signInAndWait } from "./fixtures";

function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A fresh analyst account made by the demo administrator through the API, so demo passwords stay untouched. */
async function createAccount(browser: Browser) {
  const suffix = uniqueSuffix();
  const account = { name: `Account E2E ${suffix}`, email: `account-e2e-${suffix}@demo.test`, password: `first-password-${suffix}` };
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "admin@demo.test");
  const response = await page.request.post("/api/trpc/users.create", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: {
      json: { name: account.name, email: account.email, role: "ANALYST", password: account.password, mustChangePassword: false },
    },
  });
  expect(response.status()).toBe(200);
  await context.close();
  return account;
}

async function signInAs(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

test("a user changes their password, stays signed in, and signs in with the new one", async ({ page, browser }) => {
  const account = await createAccount(browser);
  const newPassword = `second-password-${uniqueSuffix()}`;
  await signInAs(page, account.email, account.password);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();

  // A wrong current password (one attempt only: failures count towards the sign-in lock).
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#change-password-currentPassword-error")).toHaveText(/The current password is not correct/);
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  // A mismatched confirmation is caught in the browser.
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("Confirm new password").fill(`${newPassword}-typo`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#change-password-confirmPassword-error")).toHaveText(/The two new passwords do not match/);

  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  // Still signed in on this device: the form signed in again with the new password.
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInAs(page, account.email, newPassword);
});

test("sign out everywhere ends the sessions in other browsers too", async ({ page, browser }) => {
  const account = await createAccount(browser);
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAs(otherPage, account.email, account.password);
  await otherPage.goto("/account");
  await expect(otherPage.getByRole("heading", { name: "Your account" })).toBeVisible();

  await signInAs(page, account.email, account.password);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await expect(otherPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await otherContext.close();
});

test("the account page has no serious accessibility violations", async ({ page }) => {
  await signInAndWait(page, "analyst@demo.test");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => violation.id)).toEqual([]);

  // With the form's errors shown too.
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the following" })).toBeVisible();
  const withErrors = await new AxeBuilder({ page }).analyze();
  expect(withErrors.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((v) => v.id)).toEqual([]);
});
