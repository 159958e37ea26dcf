import type { Locator, Page } from "@playwright/test";
import { alerts, expect, expectNoSeriousAxeViolations, expectSummaryLinks, test, unique } from "./fixtures";

/** The legends of the scale form's statuses, in order ("Status 1: Open", ...). */
function statusLegends(page: Page) {
  return page.locator(".scale-status > legend");
}

function statusGroup(page: Page, number: number) {
  return page.getByRole("group", { name: new RegExp(`^Status ${number}: `) });
}

async function fillStatus(group: Locator, values: { label: string; key: string; progress: string; level: string }) {
  await group.getByLabel("Label").fill(values.label);
  await group.getByLabel("Key").fill(values.key);
  await group.getByLabel("Default progress (%)").fill(values.progress);
  await group.getByLabel("ODIHR level").selectOption({ label: values.level });
}

test("an administrator creates a status scale, orders its statuses from the keyboard, and a stale edit is refused", async ({ adminPage: page, signedInPage }) => {
  test.setTimeout(120_000);
  const name = `Action plan scale ${unique()}`;
  await page.goto("/reports");
  await page.getByRole("navigation").getByRole("link", { name: "Status scales" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Status scales" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Implementation status (default)" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "New status scale" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New status scale" })).toBeVisible();
  // Nothing filled in: every problem is listed and linked.
  await page.getByRole("button", { name: "Create status scale" }).click();
  await expectSummaryLinks(page, ["Name is required"]);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await fillStatus(statusGroup(page, 1), { label: "Open", key: "open", progress: "0", level: "Not implemented" });
  await fillStatus(statusGroup(page, 2), { label: "Done", key: "done", progress: "100", level: "Fully implemented" });
  await page.getByRole("button", { name: "Add status" }).click();
  await fillStatus(statusGroup(page, 3), { label: "Halfway", key: "halfway", progress: "50", level: "Partially implemented" });
  await statusGroup(page, 3).getByLabel("Counts towards averages").check();

  // Move "Halfway" up with the keyboard: the focus stays on its button and the move is announced.
  const moveUp = page.getByRole("button", { name: "Move “Halfway” up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(statusLegends(page)).toHaveText(["Status 1: Open", "Status 2: Halfway", "Status 3: Done"]);
  await expect(page.getByRole("button", { name: "Move “Halfway” up" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "“Halfway” is now at position 2 of 3." })).toBeAttached();
  // At the top its Move up is disabled: the focus goes to its Move down, and back down it stays there.
  await page.keyboard.press("Enter");
  await expect(statusLegends(page)).toHaveText(["Status 1: Halfway", "Status 2: Open", "Status 3: Done"]);
  await expect(page.getByRole("button", { name: "Move “Halfway” up" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move “Halfway” down" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(statusLegends(page)).toHaveText(["Status 1: Open", "Status 2: Halfway", "Status 3: Done"]);
  await expect(page.getByRole("button", { name: "Move “Halfway” down" })).toBeFocused();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("button", { name: "Create status scale" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Status scale: ${name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/scales\/[0-9a-f-]{36}$/);
  await expect(statusLegends(page)).toHaveText(["Status 1: Open", "Status 2: Halfway", "Status 3: Done"]);
  // A saved status keeps its key.
  await expect(statusGroup(page, 1).getByLabel("Key")).toHaveAttribute("readonly", "");
  await expectNoSeriousAxeViolations(page);

  // The same scale open in a second tab; the first saves, the second is refused and keeps its text.
  const other = await signedInPage("admin@demo.test");
  await other.goto(page.url());
  await expect(other.getByRole("heading", { level: 1, name: `Status scale: ${name}` })).toBeVisible();

  await statusGroup(page, 3).getByLabel("Default progress (%)").fill("95");
  await page.getByRole("button", { name: "Move “Done” up" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Status scale saved.")).toBeVisible();
  await expect(statusLegends(page)).toHaveText(["Status 1: Open", "Status 2: Done", "Status 3: Halfway"]);

  await statusGroup(other, 1).getByLabel("Label").fill("Not yet open");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(alerts(other).filter({ hasText: /This status scale was changed by .+ at / })).toBeVisible();
  await expect(statusGroup(other, 1).getByLabel("Label")).toHaveValue("Not yet open");
  await other.getByRole("button", { name: "Reload" }).click();
  await expect(statusLegends(other)).toHaveText(["Status 1: Open", "Status 2: Done", "Status 3: Halfway"]);
  await expect(statusGroup(other, 2).getByLabel("Default progress (%)")).toHaveValue("95");
});

test("a status that commitments hold cannot be removed; the analyst has no settings screens", async ({ adminPage: page, analystPage }) => {
  await page.goto("/admin/scales");
  await page.getByRole("link", { name: "Implementation status (default)" }).click();
  await expect(page.getByText(/Recommendations use this scale/)).toBeVisible();
  const notStarted = statusGroup(page, 1);
  await expect(notStarted).toHaveAccessibleName("Status 1: Not started");
  await expect(notStarted.getByText("Commitments hold this status: it cannot be removed.")).toBeVisible();
  await expect(notStarted.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await analystPage.goto("/recommendations");
  const nav = analystPage.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Recommendations" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Status scales" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Themes" })).toHaveCount(0);
  const response = await analystPage.goto("/admin/themes");
  expect(response?.status()).toBe(404);
});

test("an administrator creates, renames and merges themes", async ({ adminPage: page }) => {
  test.setTimeout(90_000);
  const suffix = unique();
  const first = `Labour exploitation ${suffix}`;
  const renamed = `Forced labour ${suffix}`;
  const second = `Exploitation ${suffix}`;
  await page.goto("/reports");
  await page.getByRole("navigation").getByRole("link", { name: "Themes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Themes" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Children/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const newTheme = page.getByRole("region", { name: "New theme" });
  await newTheme.getByLabel("Name").fill(first);
  await newTheme.getByRole("button", { name: "Create theme" }).click();
  await expect(page.getByRole("row", { name: new RegExp(first) })).toBeVisible();
  await expect(newTheme.getByLabel("Name")).toHaveValue("");

  // The same label again, in another case: refused on its field.
  await newTheme.getByLabel("Name").fill(first.toUpperCase());
  await newTheme.getByRole("button", { name: "Create theme" }).click();
  await expectSummaryLinks(newTheme, ["A theme with this label already exists"]);
  await newTheme.getByLabel("Name").fill(second);
  await newTheme.getByRole("button", { name: "Create theme" }).click();
  await expect(page.getByRole("row", { name: new RegExp(second) })).toBeVisible();

  // Rename: the panel takes the focus; the new name replaces the old in the list.
  await page.getByRole("button", { name: `Rename ${first}` }).click();
  const renamePanel = page.getByRole("region", { name: `Rename ${first}` });
  await expect(renamePanel.getByRole("heading", { name: `Rename ${first}` })).toBeFocused();
  await renamePanel.getByLabel("Name").fill(renamed);
  await renamePanel.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("row", { name: new RegExp(renamed) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(first) })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Rename ${renamed}` })).toBeFocused();

  // Merge: choose the theme, see what will happen, merge.
  await page.getByRole("button", { name: `Merge ${renamed} into another theme` }).click();
  const mergePanel = page.getByRole("region", { name: `Merge ${renamed} into another theme` });
  await mergePanel.getByRole("button", { name: "Merge themes" }).click();
  await expectSummaryLinks(mergePanel, ["Choose the theme to merge into"]);
  await mergePanel.getByLabel("Merge into").selectOption({ label: second });
  await expect(mergePanel.getByText(`No recommendation is filed under ${renamed}.`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await mergePanel.getByRole("button", { name: "Merge themes" }).click();
  await expect(page.getByText(`${renamed} merged into ${second}: 0 recommendations moved.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(renamed) })).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(second) })).toBeVisible();
});
