import { errorSummary, expect, expectNoSeriousAxeViolations, signInAndWait, test, unique } from "./fixtures";

// Each test that changes a password or ends sessions does it to an analyst account of its own,
// made by the demo administrator, so demo passwords and the shared demo sessions stay untouched.

test("a user changes their password, stays signed in, and signs in with the new one", async ({ page, demo }) => {
  const account = await demo.createAccount({ role: "ANALYST" });
  const newPassword = `second-password-${unique()}`;
  await signInAndWait(page, account.email, account.password);
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
  await signInAndWait(page, account.email, newPassword);
});

test("sign out everywhere ends the sessions in other browsers too", async ({ demo, signedInPage }) => {
  const account = await demo.createAccount({ role: "ANALYST" });
  // Two sessions of the account, each in a browser of its own.
  const otherPage = await signedInPage(account);
  await otherPage.goto("/account");
  await expect(otherPage.getByRole("heading", { name: "Your account" })).toBeVisible();

  const page = await signedInPage(account);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await expect(otherPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the account page has no serious accessibility violations", async ({ analystPage: page }) => {
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // With the form's errors shown too.
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
