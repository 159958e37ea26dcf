import type { Page } from "@playwright/test";
import { alerts, DEMO, expect, expectNoSeriousAxeViolations, saveUpdate, test, trpcMutation, trpcQuery, unique, type DemoData } from "./fixtures";

// Each test works on one seeded commitment of its own State (Malta, Monaco, San Marino: no other
// spec uses them) through its own focal point, created here by the administrator with a unique
// email, so that the demo accounts are neither changed nor locked and the tests can run in any order.

type CommitmentView = {
  acceptedProgress: number;
  acceptedStatus: { key: string } | null;
  openUpdate: { reviewState: string } | null;
};

type Setup = { stateId: string; reference: string; commitmentId: string; focal: Page };

/**
 * The seeded commitment of the State to `reference`, which has no open update yet, and a new focal
 * point of the State (named "Review Focal ..."), signed in.
 */
async function focalPointOf(demo: DemoData, signedInPage: (account: { email: string; password: string }) => Promise<Page>, iso2: string, reference: string): Promise<Setup> {
  const commitment = await demo.commitment(iso2, reference);
  expect((await demo.row(commitment)).openUpdateReviewState, `${iso2}'s ${reference} has no open update`).toBeNull();
  const account = await demo.createAccount({ role: "FOCAL_POINT", stateId: commitment.stateId, name: `Review Focal ${unique()}` });
  return { stateId: commitment.stateId, reference, commitmentId: commitment.id, focal: await signedInPage(account) };
}

/** The focal point submits an update (status by key) through the API, as the update form does. */
function submitUpdate(setup: Setup, statusKey: string, progress: number, narrative: string) {
  return saveUpdate(setup.focal, setup.commitmentId, {
    statusKey,
    progress,
    narrative,
    reportingPeriod: "2025",
    evidence: [
      { title: "National action plan 2025", url: "https://example.org/action-plan", isPublic: true },
      { title: "Ministry briefing note", url: "https://example.org/briefing", isPublic: false },
    ],
    submit: true,
  });
}

/** Sonner's toasts. */
function toasts(page: Page) {
  return page.locator("[data-sonner-toast]");
}

test("an analyst filters the queue, returns an update with a comment, assesses, and accepts the resubmission", async ({ analystPage: page, demo, signedInPage }) => {
  const setup = await focalPointOf(demo, signedInPage, "MT", "AAT17-02");
  const note = `Malta set up a child protection referral mechanism (${unique()}).`;
  await submitUpdate(setup, "in_progress", 40, note);

  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await page.getByLabel("State", { exact: true }).selectOption({ label: "Malta" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]state=MT(&|$)/);
  const row = page.getByRole("row").filter({ hasText: setup.reference });
  await expect(row).toContainText("Malta");
  await expect(row).toContainText("In progress");
  await expect(row).toContainText("40%");
  await expect(row).toContainText(/Review Focal/);

  const open = page.getByRole("link", { name: `Review Malta, ${setup.reference}` });
  await open.click();
  const heading = page.getByRole("heading", { level: 1, name: `Review: Malta, ${setup.reference}` });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`commitment=${setup.commitmentId}`));
  await expect(page.getByRole("region", { name: "Submitted update", exact: true }).getByText(note)).toBeVisible();
  const evidence = page.getByRole("link", { name: /National action plan 2025/ });
  await expect(evidence).toHaveAttribute("href", "https://example.org/action-plan");
  await expect(evidence).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByRole("listitem").filter({ hasText: "National action plan 2025" })).toContainText("Public");
  await expect(page.getByRole("listitem").filter({ hasText: "Ministry briefing note" })).toContainText("Internal");

  // Return needs a comment: the error is next to the field and in the summary.
  await page.getByRole("button", { name: "Return" }).click();
  await expect(alerts(page).filter({ hasText: "Please correct the following" })).toContainText("Review comment is required");
  const comment = page.getByLabel("Review comment");
  await expect(comment).toHaveAttribute("aria-invalid", "true");
  await expect(comment).toHaveAccessibleDescription(/Review comment is required/);

  await comment.fill("Please add the 2024 referral figures.");
  await expect(page.locator("#review-comment-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Return" }).click();
  await expect(toasts(page).filter({ hasText: `Update returned: Malta, ${setup.reference}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Review Malta, ${setup.reference}` })).toHaveCount(0);

  // The focal point answers with a revised update.
  await submitUpdate(setup, "implemented", 100, `${note} Figures for 2024 added.`);
  await page.reload();
  await page.getByRole("link", { name: `Review Malta, ${setup.reference}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: Malta, ${setup.reference}` })).toBeFocused();
  await expect(page.getByRole("region", { name: "Submitted update", exact: true })).toContainText("Figures for 2024 added.");
  await expect(page.getByRole("region", { name: "History", exact: true })).toContainText("Please add the 2024 referral figures.");

  // An independent assessment, with the rationale required.
  await page.getByLabel("Assessment status").selectOption({ label: "Partially implemented" });
  await page.getByRole("button", { name: "Record assessment" }).click();
  await expect(alerts(page).filter({ hasText: "Please correct the following" })).toContainText("Rationale is required");
  await page.getByLabel("Rationale").fill("The referral mechanism exists; its funding is not yet secured.");
  await expect(alerts(page).filter({ hasText: "Please correct the following" })).toHaveCount(0);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Record assessment" }).click();
  await expect(toasts(page).filter({ hasText: "Assessment recorded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Commitment", exact: true })).toContainText("The referral mechanism exists; its funding is not yet secured.");

  await page.getByLabel("Review comment").fill("Well documented.");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(toasts(page).filter({ hasText: `Update accepted: Malta, ${setup.reference}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Review Malta, ${setup.reference}` })).toHaveCount(0);
  // Focus moves to the next waiting update, or to the queue's heading when none is left.
  await expect(page.locator(`#review-queue-heading:focus, [id^="review-open-"]:focus`)).toHaveCount(1);

  const accepted = await trpcQuery<CommitmentView>(page, "commitments.get", { id: setup.commitmentId });
  expect(accepted.acceptedStatus?.key).toBe("implemented");
  expect(accepted.acceptedProgress).toBe(100);
  // Nothing of this commitment waits for review any more.
  expect(accepted.openUpdate?.reviewState ?? null).not.toBe("SUBMITTED");
});

test("a filter that matches nothing says so and offers the whole queue", async ({ analystPage: page }) => {
  await page.goto("/review");
  const title = `Review e2e source ${unique()}`;
  await trpcMutation(page, "sources.create", { title, kind: "OTHER", date: "2026-01-15" });
  await page.reload();
  await page.getByLabel("Source", { exact: true }).selectOption({ label: title });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/source=/);
  await expect(page.getByText("No updates are waiting for review.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.getByRole("button", { name: "Show all submitted updates" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByLabel("Source", { exact: true })).toHaveValue("");
});

test("a stale review says who reviewed it first and offers a reload", async ({ analystPage: first, demo, signedInPage }) => {
  const setup = await focalPointOf(demo, signedInPage, "MC", "AAT17-03");
  await submitUpdate(setup, "planned", 10, "Monaco plans a guardianship service for unaccompanied children.");
  const itemUrl = `/review?state=${setup.stateId}&commitment=${setup.commitmentId}`;
  // Two sessions of the analyst.
  const second = await signedInPage(DEMO.analyst, { fresh: true });
  await first.goto(itemUrl);
  await second.goto(itemUrl);
  const heading = `Review: Monaco, ${setup.reference}`;
  await expect(first.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(second.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(second.getByRole("button", { name: "Accept" })).toBeEnabled();

  await first.getByRole("button", { name: "Accept" }).click();
  await expect(toasts(first).filter({ hasText: `Update accepted: Monaco, ${setup.reference}` })).toBeVisible();

  await second.getByLabel("Review comment").fill("Looks complete.");
  await second.getByRole("button", { name: "Accept" }).click();
  const conflict = alerts(second).filter({ hasText: "already reviewed" });
  await expect(conflict).toContainText("This update was already reviewed by Demo Analyst");
  await expect(conflict.locator("time")).toHaveCount(1);
  await expect(second.getByLabel("Review comment")).toHaveValue("Looks complete.");
  await conflict.getByRole("button", { name: "Reload" }).click();
  await expect(second.getByText("No update of this commitment is waiting for review.")).toBeVisible();
  await expect(second.getByRole("region", { name: "History", exact: true })).toContainText("Update accepted");
});

test("the queue and an opened update are accessible, work at 360 px, and are not for focal points", async ({ analystPage: page, demo, signedInPage }, testInfo) => {
  const setup = await focalPointOf(demo, signedInPage, "SM", "AAT17-04");
  await submitUpdate(setup, "partially_implemented", 60, "San Marino trained its border police on child trafficking indicators.");

  // A focal point does not reach the queue.
  await setup.focal.goto("/review");
  await expect(setup.focal.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();

  await page.goto(`/review?state=${setup.stateId}`);
  await expect(page.getByRole("link", { name: `Review San Marino, ${setup.reference}` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: `Review San Marino, ${setup.reference}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Review: San Marino, ${setup.reference}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "History", exact: true })).toContainText("Update submitted");
  await expectNoSeriousAxeViolations(page);

  await page.setViewportSize({ width: 360, height: 800 });
  const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await expect(page.getByRole("button", { name: "Accept" })).toBeVisible();
  expect(await fitsWidth()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath("review-item-360.png"), fullPage: true });

  await page.getByRole("link", { name: "Back to the review queue" }).click();
  await expect(page.getByRole("link", { name: `Review San Marino, ${setup.reference}` })).toBeFocused();
  expect(await fitsWidth()).toBe(true);
  await page.screenshot({ path: testInfo.outputPath("review-queue-360.png"), fullPage: true });
});
