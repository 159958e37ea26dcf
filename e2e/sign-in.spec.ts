import { alerts, DEMO_PASSWORD, expect, signIn, signInAndWait, test } from "./fixtures";

// Signing in and out through the form, in sessions of each test's own.

test("a focal point signs in and sees their name, role and State", async ({ page }) => {
  await signInAndWait(page, "focal.at@demo.test");
  const header = page.getByLabel("Signed-in user");
  await expect(header.getByTestId("user-name")).toHaveText("Anna Gruber");
  await expect(header.getByTestId("user-role")).toHaveText("Focal point");
  await expect(header.getByTestId("user-state")).toHaveText("Austria");
});

test("a wrong password shows the generic error and no session", async ({ page }) => {
  await signIn(page, "focal.it@demo.test", "not-the-password");
  await expect(alerts(page)).toHaveText("The email or password is not correct.");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
});

test("an unknown email shows the same generic error", async ({ page }) => {
  await signIn(page, "nobody@demo.test", "whatever-password");
  await expect(alerts(page)).toHaveText("The email or password is not correct.");
});

test("the sixth wrong attempt shows the lockout message, even with the right password", async ({ page }) => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, "focal.de@demo.test", `wrong-password-${attempt}`);
    await expect(alerts(page)).toHaveText("The email or password is not correct.");
  }
  await signIn(page, "focal.de@demo.test", "wrong-password-6");
  await expect(alerts(page)).toContainText("Too many failed sign-in attempts");
  await signIn(page, "focal.de@demo.test");
  await expect(alerts(page)).toContainText("Too many failed sign-in attempts");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);
});

test("sign-out returns to the sign-in page and ends the session", async ({ page }) => {
  await signInAndWait(page, "analyst@demo.test");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("sign-out is a POST that needs the CSRF token: without it the session stays", async ({ page }) => {
  await signInAndWait(page, "analyst@demo.test");
  const forms: Record<string, string>[] = [{ callbackUrl: "/sign-in" }, { callbackUrl: "/sign-in", csrfToken: "not-the-token" }];
  for (const form of forms) {
    const response = await page.request.post("/api/auth/signout", { form, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toMatch(/\/api\/auth\/signout\?csrf=true$/);
  }
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
});

test("a signed-out visitor to a protected page is sent to sign-in, then back", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("health answers 200 with the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});
