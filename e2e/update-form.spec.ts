import type { Page } from "@playwright/test";
import { errorSummary, expect, expectNoSeriousAxeViolations, test, type DemoData } from "./fixtures";

// The update form's field errors: the API's messages beside each field and in the summary,
// whether the form finds them before sending or the API refuses. Nothing here is saved.

/** Austria's focal point on the seeded commitment of Austria to AAT17-07. */
async function openAustria07(page: Page, demo: DemoData) {
  await page.goto(`/commitments/${(await demo.commitment("AT", "AAT17-07")).id}`);
  await expect(page.getByRole("heading", { level: 1, name: /AAT17-07/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Report progress" })).toBeVisible();
}

test("the update form shows each field's error beside it and in the summary, and clears it once fixed", async ({ focalPointPage, demo }) => {
  const page = await focalPointPage("AT");
  await openAustria07(page, demo);
  const progress = page.getByLabel("Progress (%)");
  await progress.fill("150");
  await page.getByRole("button", { name: "Add evidence link" }).click();
  await page.getByLabel("Evidence URL").fill("ftp://example.test/law");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page).getByRole("link")).toHaveText([
    "Progress must be at most 100",
    "Evidence link 1: Evidence title is required",
    "Evidence link 1: Evidence URL must be a web address starting with http:// or https://",
  ]);
  await expect(progress).toHaveAttribute("aria-invalid", "true");
  await expect(progress).toHaveAccessibleDescription(/Progress must be at most 100/);
  await expect(page.getByLabel("Evidence title")).toHaveAccessibleDescription("Evidence title is required");
  await expect(page.getByLabel("Evidence URL")).toHaveAccessibleDescription(/must be a web address starting with http:\/\/ or https:\/\//);
  await expectNoSeriousAxeViolations(page);

  // An empty number is not 0.
  await progress.fill("");
  await expect(page.locator("#update-progress-error")).toHaveText(/Progress must be a number from 0 to 100/);
  await progress.fill("45");
  await expect(page.locator("#update-progress-error")).toHaveCount(0);
  await expect(progress).toHaveAttribute("aria-invalid", "false");
  await page.getByLabel("Evidence title").fill("Draft law on guardianship");
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Evidence link 1: Evidence URL must be a web address starting with http:// or https://"]);

  await page.getByRole("button", { name: "Remove evidence link 1" }).click();
  await expect(errorSummary(page)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Report progress" })).toBeVisible();
});

test("the update form shows the API's own field errors beside the field", async ({ focalPointPage, demo }) => {
  const page = await focalPointPage("AT");
  await openAustria07(page, demo);
  const status = page.getByLabel("Implementation status");
  // A tampered or outdated choice the form cannot judge: the API refuses it, first by its schema...
  await status.locator("option").first().evaluate((option: HTMLOptionElement) => {
    option.value = "not-an-id";
  });
  await status.selectOption({ index: 0 });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Not a valid id"]);
  await expect(status).toHaveAccessibleDescription("Not a valid id");
  await expect(status).toHaveAttribute("aria-invalid", "true");

  // ...then by the recommendation's scale.
  await status.locator("option").first().evaluate((option: HTMLOptionElement) => {
    option.value = "0195b0a0-0000-7000-8000-000000000000";
  });
  await status.selectOption({ index: 1 });
  await status.selectOption({ index: 0 });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(errorSummary(page).getByRole("link")).toHaveText(["Choose a status of this recommendation's scale"]);
  await expect(status).toHaveAccessibleDescription("Choose a status of this recommendation's scale");
  await expect(page.getByRole("heading", { name: "Report progress" })).toBeVisible();
});
