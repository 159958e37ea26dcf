import { DEMO_SOURCE, expect, expectNoSeriousAxeViolations, test } from "./fixtures";

// The demo data of a fresh install shows the product: the 2017 recommendations with the press
// release's words, a history over the years, work waiting for the secretariat, a UPR list.

test("a 2017 recommendation shows the press release's sentence, who said it and that it was a speech; the source links the release", async ({ analystPage: page, focalPointPage, demo }) => {
  const temporaryResidency = await demo.commitment("PT", "AAT17-01");
  await page.goto(`/recommendations/${temporaryResidency.recommendationId}`);
  const passage = page.getByRole("region", { name: "Drawn from the source" });
  await expect(passage.locator("blockquote")).toContainText("should be given temporary residency, regardless of their possible involvement in criminal activities");
  await expect(passage).toContainText("said by Madina Jarbussynova, OSCE Special Representative");
  await expect(passage).toContainText("From a speech or message, not a call of the conference");
  await expectNoSeriousAxeViolations(page);

  const closingCall = await demo.commitment("PT", "AAT17-04");
  await page.goto(`/recommendations/${closingCall.recommendationId}`);
  await expect(page.getByRole("region", { name: "Drawn from the source" })).toContainText("A call of the conference");

  // The commitment's page shows it too, to the State's focal point.
  const focal = await focalPointPage("AT");
  await focal.goto(`/commitments/${(await demo.commitment("AT", "AAT17-04")).id}`);
  await expect(focal.getByRole("region", { name: "Drawn from the source" })).toContainText("urging all participants to adopt a regional and multi-stakeholder response");

  await page.getByRole("link", { name: DEMO_SOURCE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_SOURCE })).toBeVisible();
  await expect(page.getByRole("link", { name: "https://www.osce.org/secretariat/309571" })).toHaveAttribute("href", "https://www.osce.org/secretariat/309571");
});

test("the demo has a history: the trend moves over the years, updates wait for review, and a UPR list is there", async ({ page, analystPage }) => {
  // Forty quarters: back to the conference.
  await page.goto("/reports/trend?granularity=quarter&periods=40");
  const rows = page.getByRole("table").first().getByRole("row");
  // The share implemented (the last column) grows: none when the conference closed, some by 2025.
  const implementedIn = async (quarter: string) => Number((await rows.filter({ hasText: quarter }).getByRole("cell").last().innerText()).replace(/[^\d.]/g, ""));
  expect(await implementedIn("2017 Q2")).toBe(0);
  expect(await implementedIn("2025 Q4")).toBeGreaterThan(0);

  await analystPage.goto("/review");
  await expect(analystPage.getByRole("table").first()).toContainText("Demo focal point");

  await page.goto("/sources");
  await page.getByRole("link", { name: "UPR 40th session: Moldova" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "UPR 40th session: Moldova" })).toBeVisible();
  await expect(page.getByText(/^Demo data: sample rows/)).toBeVisible();
});
