import { DEMO_PASSWORD, expect, postSignIn, signInAndWait, test, trpcMutation, unique } from "./fixtures";

// Accounts that get locked or have their password changed are made here by the demo administrator
// (a fresh analyst each), so demo accounts are never locked or changed.

test("T21 open redirect: signing in with a crafted callbackUrl ends on this site", async ({ browser, baseURL }) => {
  for (const callbackUrl of ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%0A%2Fevil.example", "javascript%3Aalert(1)", "https%3A%2F%2Fevil.example%2F"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const offsite: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname.includes("evil")) offsite.push(request.url());
    });
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill("analyst@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    expect(offsite, callbackUrl).toEqual([]);
    await context.close();
  }
});

test("T10 a copied session cookie is refused after signing out (401 from the API, sign-in page for pages)", async ({ browser, page }) => {
  await signInAndWait(page, "analyst@demo.test");
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const api = await replay.request.get("/api/trpc/account.profile");
  expect(api.status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/account");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await expect(replayPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await replay.close();
});

test("T10 a copied session cookie is refused after a password change", async ({ browser, page, demo }) => {
  const account = await demo.createAccount({ role: "ANALYST" });
  await signInAndWait(page, account.email, account.password);
  const copied = await page.context().cookies();

  await trpcMutation(page, "account.changePassword", { currentPassword: account.password, newPassword: `second-password-${unique()}` });

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  expect((await replay.request.get("/api/trpc/account.profile")).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/account");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await replay.close();
});

test("T09 brute force: 20 wrong passwords with rotating X-Forwarded-For are throttled after 5, and the right one is refused while locked", async ({ demo, playwright, baseURL }) => {
  const account = await demo.createAccount({ role: "ANALYST" });
  const request = await playwright.request.newContext({ baseURL });
  const errors: (string | null)[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    errors.push(await postSignIn(request, account.email, `wrong-password-${attempt}`, { "x-forwarded-for": `203.0.113.${attempt + 1}` }));
  }
  expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), ...Array(15).fill("AccountLocked")]);
  expect(await postSignIn(request, account.email, account.password, { "x-forwarded-for": "198.51.100.1" })).toBe("AccountLocked");
  await request.dispose();
});

test("T20 a sign-in with a NUL byte or an over-long email gets the generic refusal, no internals", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (const email of ["someone\u0000@demo.test", `${"x".repeat(400)}@demo.test`]) {
    expect(await postSignIn(request, email, "any-password-at-all")).toBe("CredentialsSignin");
  }
  await request.dispose();
});
