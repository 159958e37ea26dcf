import { alerts, DEMO, expect, expectNoSeriousAxeViolations, openCommitmentBySearch, test } from "./fixtures";

// Journeys 1 to 4: a focal point reports, the secretariat returns and accepts, another State
// cannot look, and two sessions editing at once lose nothing.

test.describe.serial("journeys 1 and 2: report, return, revise, accept", () => {
  let commitmentUrl = "";

  test("1. Austria's focal point finds the temporary-residency commitment, saves a draft and submits it", async ({ focalPointPage }) => {
    const page = await focalPointPage("AT");
    await page.goto("/");
    await expect(page).toHaveURL(/\/commitments$/);
    await openCommitmentBySearch(page, "temporary residency", "AAT17-01");
    commitmentUrl = page.url();
    await expect(page.getByText("Give trafficked migrant children who are not eligible for refugee status temporary residency")).toBeVisible();

    await page.getByLabel("Implementation status").selectOption({ label: "In progress (40%)" });
    await expect(page.getByLabel("Progress (%)")).toHaveValue("40");
    await page.getByLabel("Progress note").fill("A draft law granting temporary residency is in consultation.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your draft update" })).toBeVisible();

    await page.getByLabel("Progress (%)").fill("45");
    await page.getByLabel("Progress note").fill("The law on temporary residency for child victims was tabled in parliament on 2 March.");
    await page.getByRole("button", { name: "Add evidence link" }).click();
    await page.getByLabel("Evidence title").fill("Bill 17/2026 as tabled");
    await page.getByLabel("Evidence URL").fill("https://www.parlament.gv.at/bill-17-2026");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Submitted for review.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Update waiting for review" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Bill 17/2026 as tabled" }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("2. the analyst returns it with a comment; the focal point revises and resubmits; the analyst accepts", async ({ analystPage: analyst, focalPointPage }) => {
    await analyst.goto("/review");
    await analyst.getByRole("link", { name: "Review Austria, AAT17-01" }).click();
    await analyst.getByLabel("Review comment").fill("Please attach the adopted law once it passes, not the bill.");
    await analyst.getByRole("button", { name: "Return" }).click();
    await expect(analyst.getByText(/^Update returned: /)).toBeVisible();

    const focal = await focalPointPage("AT");
    await focal.goto(commitmentUrl);
    await expect(focal.getByText("Please attach the adopted law once it passes, not the bill.").first()).toBeVisible();
    await focal.getByLabel("Progress note").fill("The law was adopted on 20 May; it enters into force on 1 July.");
    await focal.getByLabel("Implementation status").selectOption({ label: "Implemented (100%)" });
    await focal.getByLabel("Evidence title").fill("Federal Law Gazette I No. 42/2026");
    await focal.getByLabel("Evidence URL").fill("https://www.ris.bka.gv.at/bgbl-42-2026");
    await focal.getByRole("button", { name: "Submit for review" }).click();
    await expect(focal.getByText("Submitted for review.")).toBeVisible();

    await analyst.goto("/review");
    await analyst.getByRole("link", { name: "Review Austria, AAT17-01" }).click();
    await expect(analyst.getByText("The law was adopted on 20 May; it enters into force on 1 July.").first()).toBeVisible();
    await analyst.getByRole("button", { name: "Accept" }).click();
    await expect(analyst.getByText(/^Update accepted: /)).toBeVisible();

    await focal.goto(commitmentUrl);
    const status = focal.getByRole("complementary", { name: "Status" });
    await expect(status.getByText("Implemented")).toBeVisible();
    await expect(status.getByText("100%")).toBeVisible();
    const history = focal.getByRole("list", { name: "History" });
    await expect(history.locator("li[data-kind='update_submitted']")).toHaveCount(2);
    await expect(history.locator("li[data-kind='update_returned']")).toHaveCount(1);
    await expect(history.locator("li[data-kind='update_accepted']")).toHaveCount(1);
    await expect(history.getByText("Please attach the adopted law once it passes, not the bill.")).toBeVisible();
  });
});

test("3. Italy's focal point opening Austria's commitment sees 'not found' and nothing Austrian", async ({ focalPointPage }) => {
  const austria = await focalPointPage("AT");
  await openCommitmentBySearch(austria, "AAT17-05", "AAT17-05");
  const url = austria.url();
  const italy = await focalPointPage("IT");
  const response = await italy.goto(url);
  expect(response?.status()).toBe(404);
  await expect(italy.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(italy.locator("main")).not.toContainText("Austria");
  await expect(italy.locator("main")).not.toContainText("AAT17-05");
});

test("4. two sessions of Austria's focal point edit one commitment: the second save gets the conflict alert and loses nothing", async ({ focalPointPage, signedInPage }) => {
  const first = await focalPointPage("AT");
  await openCommitmentBySearch(first, "AAT17-03", "AAT17-03");
  const url = first.url();
  const second = await signedInPage(DEMO.focal.AT, { fresh: true });
  await second.goto(url);

  await first.getByLabel("Progress note").fill("First session: the child protection reform plan was approved.");
  await second.getByLabel("Progress note").fill("Second session: text that must not be lost.");
  await first.getByRole("button", { name: "Save draft" }).click();
  await expect(first.getByText("Draft saved.")).toBeVisible();

  await second.getByRole("button", { name: "Save draft" }).click();
  const alert = alerts(second).filter({ hasText: "changed by" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Anna Gruber");
  await expect(second.getByLabel("Progress note")).toHaveValue("Second session: text that must not be lost.");
  await expect(alert.getByRole("button", { name: "Reload the latest version" })).toBeVisible();
  await alert.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(second.getByLabel("Progress note")).toHaveValue("First session: the child protection reform plan was approved.");
});
