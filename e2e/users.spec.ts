import type { Page } from "@playwright/test";
import { alerts, expect, expectSummaryLinks, expectNoSeriousAxeViolations, signIn, test, unique } from "./fixtures";

async function openNewUserForm(page: Page) {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "New user" }).click();
  return page.getByRole("region", { name: "New user" });
}

test("an administrator creates a focal point, resets its password, the user must change it, then is deactivated", async ({
  adminPage: page,
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = unique();
  const name = `Lena Weber ${suffix}`;
  const email = `users-e2e-${suffix}@demo.test`;
  const initialPassword = `initial-${suffix}`;
  const temporaryPassword = `temporary-${suffix}`;
  const ownPassword = `own-password-${suffix}`;

  const form = await openNewUserForm(page);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Focal point" });
  await form.getByLabel("State").selectOption({ label: "Luxembourg" });
  await form.getByLabel("Initial password").fill(initialPassword);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`User ${name} created`)).toBeVisible();

  // The new user is in the list, found by the search.
  await page.getByLabel("Search").fill(email);
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText("Focal point");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Luxembourg");
  await expect(row.getByRole("cell").nth(4)).toHaveText(/Active/);
  await expect(row.getByRole("cell").nth(5)).toHaveText("Must change at next sign-in");
  await expect(row.getByRole("cell").nth(6)).toHaveText("Never");

  // Reset the password, with confirmation.
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByLabel("New temporary password").fill(temporaryPassword);
  await page.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the password of ${name}?` });
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText(`Password reset. ${name} was signed out everywhere`)).toBeVisible();
  await expect(page.getByText("Must be changed at next sign-in")).toBeVisible();

  // The user signs in with the temporary password and must choose their own first.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, email, temporaryPassword);
  await expect(userPage).toHaveURL(/\/account\?mustChange=1$/);
  await expect(alerts(userPage)).toContainText(
    "Your password was reset by an administrator. Choose a new password to continue.",
  );
  await userPage.getByLabel("Current password").fill(temporaryPassword);
  await userPage.getByLabel("New password", { exact: true }).fill(ownPassword);
  await userPage.getByLabel("Confirm new password").fill(ownPassword);
  await userPage.getByRole("button", { name: "Change password" }).click();
  await expect(userPage).toHaveURL(/\/commitments$/);
  await expect(userPage.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  // The administrator deactivates the account; the user's open session ends at its next request.
  await page.reload();
  await expect(page.getByText("Set by the user")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: `Deactivate ${name}?` }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(`${name} was deactivated and signed out everywhere.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();

  await userPage.goto("/account");
  await expect(userPage).toHaveURL(/\/sign-in/);
  await expect(userPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await userContext.close();

  // The list says so in words.
  await page.goto("/admin/users");
  await page.getByLabel("Status").selectOption({ label: "Deactivated" });
  await page.getByLabel("Search").fill(email);
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByRole("cell").nth(4)).toHaveText(/Deactivated/);
});

test("a focal point without a State is refused with the error next to the field", async ({ adminPage: page }) => {
  const suffix = unique();
  const form = await openNewUserForm(page);
  await form.getByLabel("Name").fill(`No State ${suffix}`);
  await form.getByLabel("Email").fill(`users-e2e-nostate-${suffix}@demo.test`);
  await form.getByLabel("Role").selectOption({ label: "Focal point" });
  await form.getByLabel("Initial password").fill(`initial-${suffix}`);
  await form.getByRole("button", { name: "Create user" }).click();

  const state = form.getByLabel("State");
  await expect(state).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator("#new-user-stateId-error")).toHaveText(/Choose the State of this focal point/);
  await expect(form.getByRole("alert").getByRole("link", { name: "Choose the State of this focal point" })).toBeVisible();
  // What was typed is kept.
  await expect(form.getByLabel("Name")).toHaveValue(`No State ${suffix}`);

  // Secretariat roles are not bound to a State: the select is disabled and says why.
  await form.getByLabel("Role").selectOption({ label: "Secretariat analyst" });
  await expect(state).toBeDisabled();
  await expect(form.getByText("Administrators and analysts work for the secretariat")).toBeVisible();
});

test("the new-user form checks its fields before sending, and the API's refusal lands on its field", async ({ adminPage: page }) => {
  const suffix = unique();
  const form = await openNewUserForm(page);
  await form.getByLabel("Email").fill("not-an-address");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expectSummaryLinks(form, ["Name is required", "Enter a valid email address", "Choose a role", "Password must be at least 8 characters"]);
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-describedby", "new-user-email-error");
  await expect(form.locator("#new-user-email-error")).toHaveText(/Enter a valid email address/);

  // After a first attempt, a field is checked again as it changes.
  await form.getByLabel("Name").fill(`Taken ${suffix}`);
  await expect(form.locator("#new-user-name-error")).toHaveCount(0);

  // The email is well formed but taken: only the API knows, and its message lands on the field.
  await form.getByLabel("Email").fill("analyst@demo.test");
  await form.getByLabel("Role").selectOption({ label: "Secretariat analyst" });
  await form.getByLabel("Initial password").fill(`initial-${suffix}`);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.locator("#new-user-email-error")).toHaveText(/An account with this email already exists/);
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectSummaryLinks(form, ["An account with this email already exists"]);
});

test("the user list and the new-user form have no serious accessibility violations", async ({ adminPage: page }) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const form = await openNewUserForm(page);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("an analyst opening the user administration gets Not found", async ({ analystPage: page }) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
});
