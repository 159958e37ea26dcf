import fs from "node:fs";
import { BASE_URL } from "./base-url";
import { expect, expectNoSeriousAxeViolations, saveUpdate, test, trpcMutation, trpcQuery, unique } from "./fixtures";

// Returned updates in the focal point's list and page, the History of records for the
// secretariat, and the administrators' audit log. Andorra's AAT17-05 is this spec's own commitment
// (no other spec uses Andorra); its focal point is created here with a unique email.

const REFERENCE = "AAT17-05";

test("a returned update shows as Returned in the list, with a filter, and its comment at the top of the commitment; the secretariat reads the History", async ({ demo, signedInPage, analystPage }) => {
  test.setTimeout(120_000);
  const commitment = await demo.commitment("AD", REFERENCE);
  const focalAccount = await demo.createAccount({ role: "FOCAL_POINT", stateId: commitment.stateId, name: `History Focal ${unique()}` });
  const focal = await signedInPage(focalAccount);
  const comment = `Attach the adopted law, not the draft ${unique()}`;
  const submitted = await saveUpdate(focal, commitment.id, { statusKey: "planned", progress: 10, narrative: "A law is being drafted.", submit: true });
  await trpcMutation(analystPage, "review.return", { updateId: submitted.id, expectedVersion: submitted.version, comment });

  // The list: "Returned" in the open-update column, and the filter finds it.
  await focal.goto("/commitments");
  await focal.getByLabel("Open update").selectOption({ label: "Returned" });
  await expect(focal).toHaveURL(/update=returned/);
  const row = focal.getByRole("row").filter({ has: focal.getByRole("rowheader", { name: REFERENCE, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").last()).toHaveText(/Returned/);
  await focal.getByLabel("Open update").selectOption({ label: "Draft" });
  await expect(focal.getByRole("rowheader", { name: REFERENCE, exact: true })).toHaveCount(0);
  await focal.goto("/commitments?update=returned");
  await expectNoSeriousAxeViolations(focal);

  // The commitment page: the review comment first, above the recommendation.
  await row.getByRole("link").first().click();
  await expect(focal).toHaveURL(new RegExp(`/commitments/${commitment.id}$`));
  const returned = focal.getByRole("status").filter({ hasText: comment });
  await expect(returned).toBeVisible();
  const commentTop = (await returned.boundingBox())!.y;
  const recommendationTop = (await focal.getByRole("heading", { name: "Recommendation", exact: true }).boundingBox())!.y;
  expect(commentTop).toBeLessThan(recommendationTop);
  // A focal point has no History link, and the History page is not found for them.
  await expect(focal.getByRole("link", { name: "History", exact: true })).toHaveCount(0);
  await focal.goto(`/commitments/${commitment.id}/history`);
  await expect(focal.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();

  // The secretariat: History from the commitment page, who, when, before and after.
  const page = analystPage;
  await page.goto(`/commitments/${commitment.id}`);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/commitments/${commitment.id}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of commitment ${REFERENCE} · Andorra`);
  const event = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Update returned" }) });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("By Demo Analyst");
  const changes = event.getByRole("table");
  await expect(changes.getByRole("row", { name: /Review state/ })).toContainText("Submitted for review");
  await expect(changes.getByRole("row", { name: /Review state/ })).toContainText("Returned");
  await expect(changes.getByRole("row", { name: /Review comment/ })).toContainText(comment);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Update submitted for review" }) })).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);

  // The recommendation and the source have theirs.
  await page.goto(`/recommendations/${commitment.recommendationId}`);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/recommendations/${commitment.recommendationId}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of recommendation ${REFERENCE}`);
  await expectNoSeriousAxeViolations(page);
  const recommendation = await trpcQuery<{ source: { id: string } }>(page, "recommendations.get", { id: commitment.recommendationId });
  await page.goto(`/sources/${recommendation.source.id}/history`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("History of source");
  await expectNoSeriousAxeViolations(page);
});

test("an administrator reads a user's History and the audit log, filters it and downloads it as CSV", async ({ adminPage: page, demo }) => {
  test.setTimeout(120_000);
  const account = await demo.createAccount({ role: "ANALYST", name: `History Analyst ${unique()}` });
  const users = await trpcQuery<{ items: { id: string; email: string }[] }>(page, "users.list", { search: account.email });
  const userId = users.items[0]!.id;
  await trpcMutation(page, "users.setActive", { id: userId, active: false });

  // The user's History, from the user's page.
  await page.goto(`/admin/users/${userId}`);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${userId}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of user ${account.name}`);
  const deactivated = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "User deactivated" }) });
  await expect(deactivated.getByRole("row", { name: /Active/ })).toContainText("true");
  await expect(deactivated.getByRole("row", { name: /Active/ })).toContainText("false");
  await expectNoSeriousAxeViolations(page);

  // The audit log, from the header, filtered by person, kind of change and days.
  await page.goto("/review");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Person").selectOption({ label: "Demo Administrator (admin@demo.test)" });
  await page.getByLabel("Kind of change").selectOption({ label: "User deactivated" });
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From").fill(today);
  await page.getByLabel("To").fill(today);
  const event = page.getByRole("listitem").filter({ hasText: userId });
  await expect(event).toHaveCount(1);
  await expect(event.getByRole("heading", { name: "User deactivated" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "User created" }) })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // The filters are in the address: a reload (or the link shared) shows the same filtered log.
  await expect(page).toHaveURL(new RegExp(`action=user\\.deactivated.*from=${today}&to=${today}`));
  const filtered = page.url();
  await page.reload();
  await expect(page.getByLabel("Kind of change")).toHaveValue("user.deactivated");
  await expect(page.getByLabel("From")).toHaveValue(today);
  await expect(page.getByRole("listitem").filter({ hasText: userId })).toHaveCount(1);
  // Values the page does not offer are left out.
  await page.goto(`/admin/audit?action=no.such.kind&from=2023-02-30&actorId=${userId}`);
  await expect(page.getByLabel("Kind of change")).toHaveValue("");
  await expect(page.getByLabel("From")).toHaveValue("");
  await page.goto(filtered);
  await expect(page.getByLabel("Person")).not.toHaveValue("");

  // A start after the end is said, not sent.
  await page.getByLabel("From").fill("2031-01-02");
  await page.getByLabel("To").fill("2031-01-01");
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
  await page.getByLabel("From").fill(today);
  await page.getByLabel("To").fill(today);

  // The CSV of the filtered log, in the reader's language.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  expect(csv[0]).toBe("Audit log");
  expect(csv).toContain("Time (UTC),Person,Email,Role,Kind of change,Record,Record id,Changes");
  expect(csv.filter((line) => line.includes(userId))).toEqual([expect.stringContaining("Demo Administrator,admin@demo.test,Administrator,User deactivated,User,")]);
  await page.context().addCookies([{ name: "locale", value: "de", url: BASE_URL }]);
  const german = await page.request.get(`/api/audit/export?action=user.deactivated&from=${today}`);
  expect(german.status()).toBe(200);
  expect(await german.text()).toContain("Zeit (UTC),Person,E-Mail,Rolle,Art der Änderung,Datensatz,Datensatz-ID,Änderungen");
  await page.context().clearCookies({ name: "locale" });
});

test("the History and the audit log are the secretariat's and the administrators' only", async ({ analystPage, demo, focalPointPage }) => {
  const commitment = await demo.commitment("AD", REFERENCE);
  const focal = await focalPointPage("AT");
  await focal.goto(`/recommendations/${commitment.recommendationId}/history`);
  await expect(focal.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await analystPage.goto("/admin/audit");
  await expect(analystPage.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(analystPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const denied = await analystPage.request.get("/api/audit/export");
  expect(denied.status()).toBe(403);
});
