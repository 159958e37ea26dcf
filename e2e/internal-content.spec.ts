import { expect, openCommitmentBySearch, statusIdOf, test, trpcMutation } from "./fixtures";

// What is public and what is not, as the screens say it and as the downloads do it.

test("the update form says beside the note that it becomes public once accepted", async ({ focalPointPage }) => {
  const page = await focalPointPage("AT");
  await openCommitmentBySearch(page, "AAT17-05");
  await expect(page.getByRole("heading", { name: "Report progress" })).toBeVisible();
  await expect(page.getByLabel("Progress note")).toHaveAccessibleDescription(/Shown in the public reports once accepted\./);
  // As it already said for evidence (nothing is saved here).
  await page.getByRole("button", { name: "Add evidence link" }).click();
  await expect(page.getByText("(shown in the public reports once accepted)")).toBeVisible();
});

test("T01 the secretariat's report card downloads are the public version unless it chooses the internal one, which is marked", async ({ analystPage: page, page: visitor, demo }) => {
  const austria = await demo.commitment("AT", "AAT17-03");
  const { statusId, view } = await statusIdOf(page, austria.id, "planned");
  const rationale = `Internal doubts ${Date.now().toString(36)}`;
  await trpcMutation(page, "review.assess", {
    commitmentId: austria.id,
    expectedVersion: view.version,
    statusId,
    rationale,
    isPublic: false,
  });

  await page.goto(`/reports/states/${austria.stateId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Report card: Austria" })).toBeVisible();
  const publicLinks = page.getByLabel("Export", { exact: true });
  const internalLinks = page.getByLabel("Export with internal assessments");
  await expect(publicLinks).toContainText("Download (public version):");
  const publicCsv = await publicLinks.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(publicCsv).not.toContain("internal");
  const internalCsv = await internalLinks.getByRole("link", { name: "CSV with internal assessments" }).getAttribute("href");
  expect(internalCsv).toContain("internal=include");

  const plain = await page.request.get(publicCsv!);
  expect(plain.ok()).toBe(true);
  const plainText = await plain.text();
  expect(plainText).toContain("AAT17-03");
  expect(plainText).not.toContain("INTERNAL - not for publication");
  expect(plainText).not.toMatch(/,Internal,/);

  const marked = await page.request.get(internalCsv!);
  expect(marked.ok()).toBe(true);
  expect(marked.headers()["content-disposition"]).toMatch(/report-card-austria-internal-\d{4}-\d{2}-\d{2}\.csv/);
  const markedText = await marked.text();
  expect(markedText).toContain("INTERNAL - not for publication");
  expect(markedText).toMatch(/^AAT17-03,.*,Planned,Internal,/m);

  // A signed-out visitor has no such choice, and cannot make it by hand.
  await visitor.goto(`/reports/states/${austria.stateId}`);
  await expect(visitor.getByLabel("Export", { exact: true })).toContainText("Download:");
  await expect(visitor.getByLabel("Export with internal assessments")).toHaveCount(0);
  expect((await visitor.request.get(internalCsv!)).status()).toBe(403);
});
