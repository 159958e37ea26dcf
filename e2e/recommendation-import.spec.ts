import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_SOURCE, alerts, expect, expectNoSeriousAxeViolations, test, unique } from "./fixtures";

// Importing recommendation files: a UPR list of the UN's database layout, a broken file, and the
// recommendations list exported and imported again.

const UPR_HEADER = "ref,state_under_review,session,wg_report,theme_heading,text,recommending_states,position,source_of_position,themes,groups_of_persons,sdgs";
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A UPR session number of its own for each run (ending in 5: "…5th session"). */
const session = () => 205 + (Math.floor(Date.now() / 1000) % 70) * 10;

type UprRow = { ref: string; text: string; state?: string; position?: string; themes?: string };
function uprCsv(sessionNumber: number, rows: UprRow[]) {
  const lines = rows.map((row) =>
    [
      row.ref,
      row.state ?? "Slovenia",
      `UPR Working Group session ${sessionNumber} (Jan 2025), 4th cycle`,
      "A/HRC/59/12",
      "Trafficking in persons",
      row.text,
      "Austria; Brazil",
      row.position ?? "Supported",
      "A/HRC/59/12/Add.1",
      row.themes ?? "protection",
      "women & girls; children",
      "5.2; 16.2",
    ]
      .map(cell)
      .join(","),
  );
  return Buffer.from(`\uFEFF${UPR_HEADER}\r\n${lines.join("\r\n")}\r\n`, "utf8");
}

async function openImport(page: Page) {
  await page.goto("/recommendations");
  await page.getByRole("link", { name: "Import recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import recommendations" })).toBeVisible();
}

async function checkFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) {
  await page.getByLabel("File").setInputFiles(file);
  await page.getByRole("button", { name: "Check file" }).click();
}

test("the secretariat imports a UPR list of 31 recommendations as drafts, once, under the session's source for the State", async ({ analystPage: page }) => {
  test.setTimeout(120_000);
  const number = session();
  const token = unique();
  const rows: UprRow[] = Array.from({ length: 31 }, (_, index) => ({
    ref: `${number}.${index + 1}`,
    text:
      index === 0
        ? `Strengthen the identification of victims, "especially children",\nand their referral to assistance ${token}`
        : index % 3 === 1
          ? `Усилить защиту жертв торговли людьми, в том числе «детей» ${token}-${index + 1}`
          : `Recommendation ${index + 1} on trafficking in persons ${token}`,
    position: index % 4 === 3 ? "Noted" : "Supported",
    themes: index === 2 ? `protection; Trafficking in persons ${token}` : "protection",
  }));
  const file = { name: "upr-slovenia.csv", mimeType: "text/csv", buffer: uprCsv(number, rows) };

  await openImport(page);
  await expectNoSeriousAxeViolations(page);
  await checkFile(page, file);
  await expect(page.getByRole("status").filter({ hasText: "new," })).toHaveText("31 new, 0 changed, 0 unchanged, 0 errors");
  await expect(page.getByText(`Sources to be created: UPR ${number}th session: Slovenia`)).toBeVisible();
  await expect(page.getByText(`Themes that do not exist yet and will be created: Trafficking in persons ${token}`)).toBeVisible();
  const table = page.getByRole("region", { name: "Rows" });
  await expect(table.getByRole("row")).toHaveCount(32);
  await expect(table.getByRole("row", { name: new RegExp(`^2 ${number}\\.1 `) })).toContainText("New");
  // A quoted cell over two lines is one row: the second recommendation starts on line 4.
  await expect(table.getByRole("rowheader", { name: "4", exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByText("31 created, 0 changed, 0 unchanged.")).toBeVisible();
  const sourceLink = page.getByRole("link", { name: `UPR ${number}th session: Slovenia` });
  await expect(sourceLink).toHaveAttribute("href", /^\/sources\/[0-9a-f-]{36}$/);
  await expectNoSeriousAxeViolations(page);
  const sourceHref = await sourceLink.getAttribute("href");

  // The same file again changes nothing.
  await checkFile(page, file);
  await expect(page.getByRole("status").filter({ hasText: "new," })).toHaveText("0 new, 0 changed, 31 unchanged, 0 errors");

  // The imported recommendation is a draft with its UPR fields and its multi-line text.
  await page.goto("/recommendations");
  await page.getByLabel("Search").fill(token);
  await page.getByRole("link", { name: `${number}.1`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${number}.1`);
  await expect(page.getByText("Draft").first()).toBeVisible();
  const upr = page.getByRole("region", { name: "Universal Periodic Review" });
  await expect(upr).toContainText(`UPR Working Group session ${number} (Jan 2025), 4th cycle`);
  await expect(upr).toContainText("Austria, Brazil");
  await expect(upr).toContainText("Supported");
  await expect(upr).toContainText("women & girls, children");

  // Publish all drafts: each recommendation becomes Slovenia's commitment, found under Slovenia.
  await page.goto(sourceHref!);
  await page.getByRole("button", { name: "Publish all drafts" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish all drafts of this source?" });
  await expect(dialog).toContainText("Publish 31 drafts?");
  await dialog.getByRole("button", { name: "Publish all drafts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "31 recommendations published: 31 commitments created." })).toBeVisible();
  await page.goto(`/commitments?state=SI&q=${token}&size=50`);
  const commitments = page.getByRole("table", { name: /Commitments of Slovenia/ });
  await expect(commitments.getByRole("rowheader")).toHaveCount(31);
  await expect(commitments.getByRole("rowheader", { name: `${number}.1`, exact: true })).toBeVisible();
});

test("a broken file shows each row's problem and imports nothing", async ({ analystPage: page }) => {
  const number = session() + 1;
  const token = unique();
  const good = [
    { ref: "1", text: `Fine ${token}` },
    { ref: "4", text: `Also fine ${token}`, state: "Turkey" },
  ];
  const broken = [
    good[0]!,
    { ref: "2", text: "" },
    { ref: "1", text: `Same reference ${token}` },
    good[1]!,
    { ref: "5", text: `Unknown State ${token}`, state: "Atlantis" },
    { ref: "6", text: `Wrong position ${token}`, position: "Accepted" },
  ];
  await openImport(page);
  await checkFile(page, { name: "broken.csv", mimeType: "text/csv", buffer: uprCsv(number, broken) });
  await expect(page.getByRole("status").filter({ hasText: "new," })).toHaveText("2 new, 0 changed, 0 unchanged, 4 errors");
  const problems = page.locator(".import-problems li");
  await expect(problems).toHaveText([
    "Row 3: text: required, but empty",
    "Row 4: ref: the reference 1 is already used in row 2",
    "Row 6: state_under_review: “Atlantis” is not a participating State or Partner for Co-operation",
    "Row 7: position: “Accepted” is not a position: write Supported or Noted",
  ]);
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("button", { name: "Import" }).click();
  await expect(alerts(page)).toContainText("The file has errors: nothing was imported.");
  // Nothing was created: the good rows alone are still new.
  await checkFile(page, { name: "fixed.csv", mimeType: "text/csv", buffer: uprCsv(number, good) });
  await expect(page.getByRole("status").filter({ hasText: "new," })).toHaveText("2 new, 0 changed, 0 unchanged, 0 errors");

  // A file that is not a recommendation list at all: one clear message.
  await checkFile(page, { name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("name,notes\nx,y\n") });
  await expect(problems).toHaveText([
    "The header row matches no known format: its cells must be the columns of the recommendations export or of a UPR recommendation list.",
  ]);
});

test("the recommendations list exported as CSV and as Excel imports back with 0 changes", async ({ analystPage: page }, testInfo) => {
  await page.goto("/recommendations");
  const value = await page.locator("#filter-source option", { hasText: DEMO_SOURCE }).first().getAttribute("value");
  await page.getByLabel("Source").selectOption(value!);
  const downloads = page.getByRole("group", { name: "Download the list" });
  await expect(downloads.getByRole("link", { name: "CSV" })).toHaveAttribute("href", new RegExp(`source=${value}`));

  for (const format of ["CSV", "Excel"]) {
    await page.goto("/recommendations");
    await page.getByLabel("Source").selectOption(value!);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("group", { name: "Download the list" }).getByRole("link", { name: format }).click()]);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    if (format === "CSV") expect(fs.readFileSync(path, "utf8").split("\r\n")[0]).toBe(`\uFEFFsource_id,source,reference,text,themes,addressees,due_date,status,session,wg_report,theme_heading,recommending_states,position,source_of_position,groups_of_persons,sdgs`);

    await openImport(page);
    await checkFile(page, path);
    await expect(page.getByRole("status").filter({ hasText: "new," })).toHaveText(/^0 new, 0 changed, ([89]|\d\d+) unchanged, 0 errors$/);
  }
});
