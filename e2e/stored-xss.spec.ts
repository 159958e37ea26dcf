import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test, trpcMutation, trpcPost, trpcQuery, unique } from "./fixtures";

// T07 stored XSS. Every free-text field a user can write is filled with markup that would run a
// script if a page put it into the DOM as HTML: the source, the recommendation, a progress update
// (note, reporting period, evidence titles), the review comment, the assessment rationale and a
// user's name. Then every page and export that shows them is read. The content belongs to one new
// recommendation of its own source, addressed to Austria only, so the demo data other specs read
// stays as it was; the author is a focal point of Austria created here (its name is a payload too).
// The source's description is stored with a payload too, though no page shows it yet.

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = `<img src=x onerror="window.__xss=1">`;
const SVG = `"><svg onload=window.__xss=1>`;

type CommitmentRow = { id: string };
type CommitmentView = {
  version: number;
  recommendation: { scale: { statuses: { id: string; key: string }[] } };
  openUpdate: { id: string; version: number; reviewState: string } | null;
};

/** Records the dialogs and uncaught errors of a page from now on. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { dialogs, errors };
}

/**
 * Opens `url` and checks that `literals` are shown as text, that no payload became markup (no
 * `on*` attribute, no `javascript:`/`data:` link or frame, no script whose code is the payload's)
 * and that none ran (no `window.__xss`, no dialog, no page error).
 */
async function expectInert(page: Page, url: string, literals: string[], before?: () => Promise<void>) {
  const seen = watch(page);
  await page.goto(url);
  if (before) await before();
  for (const literal of literals) await expect(page.locator("body"), `${url} shows ${literal}`).toContainText(literal);
  // Failed images have fired their error events by the time they are complete.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) bad.push(`${element.tagName} ${name}="${attribute.value}"`);
        if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) {
          bad.push(`${element.tagName} ${name}="${attribute.value}"`);
        }
      }
    }
    for (const script of Array.from(document.scripts)) {
      if (script.text.trim() === "window.__xss=1") bad.push("SCRIPT window.__xss=1");
    }
    return { bad, xss: (window as unknown as { __xss?: unknown }).__xss ?? null };
  });
  expect(found.bad, `${url}: dangerous markup`).toEqual([]);
  expect(found.xss, `${url}: window.__xss`).toBeNull();
  expect(seen.dialogs, `${url}: dialogs`).toEqual([]);
  expect(seen.errors, `${url}: page errors`).toEqual([]);
  page.removeAllListeners("dialog");
  page.removeAllListeners("pageerror");
}

/** CSV cells as a spreadsheet would read them; text that starts with = + - @ must come prefixed with '. */
async function csvCells(page: Page, href: string) {
  const response = await page.request.get(href);
  expect(response.status(), `${href}: ${response.status()}`).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const rows: string[][] = parse(await response.text(), { bom: true, relax_column_count: true, skip_empty_lines: true });
  return rows.flat();
}

test("T07 stored XSS: markup in every free-text field is refused as a link and shown as text on every page and export", async ({ analystPage: analyst, adminPage: admin, focalPointPage, page: visitor, demo, signedInPage }) => {
  test.setTimeout(240_000);
  const id = unique();
  // Each field starts with a character a spreadsheet reads as a formula, for the export checks.
  const content = {
    reference: `=${SVG}${id}`,
    sourceTitle: `@${IMG} source ${id}`,
    sourceDescription: `${SCRIPT} description ${id}`,
    text: `+${SCRIPT}${IMG} text ${id}`,
    narrative: `-${IMG}${SVG} note ${id}`,
    reportingPeriod: `${SVG}2025`,
    publicEvidence: `=${SCRIPT} public evidence ${id}`,
    internalEvidence: `${IMG} internal evidence ${id}`,
    rationale: `+${SVG}${SCRIPT} rationale ${id}`,
    comment: `@${IMG} comment ${id}`,
    userName: `${SCRIPT}${IMG} Focal ${id}`,
  };

  // The secretariat: a source and a recommendation addressed to Austria only, due long ago so
  // that it is overdue until an update is accepted.
  const austriaId = await demo.stateId("AT");

  for (const link of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>"]) {
    const refused = await trpcPost(analyst, "sources.create", { title: `${content.sourceTitle} ${link}`, kind: "OTHER", date: "2026-01-15", link });
    expect(refused.status, `source link ${link}`).toBe(400);
    expect(refused.text).toContain("Link must be a web address starting with http:// or https://");
  }
  const source = await trpcMutation<{ id: string }>(analyst, "sources.create", {
    title: content.sourceTitle,
    kind: "OTHER",
    date: "2026-01-15",
    link: `https://example.org/source-${id}`,
    description: content.sourceDescription,
  });
  const stored = await trpcQuery<{ title: string }[]>(analyst, "sources.list", { search: id });
  expect(stored.map((row) => row.title), "only the source with an http(s) link was stored").toEqual([content.sourceTitle]);

  const recommendation = await trpcMutation<{ id: string; version: number }>(analyst, "recommendations.create", {
    sourceId: source.id,
    reference: content.reference,
    text: content.text,
    addressAllParticipating: false,
    addresseeStateIds: [austriaId],
    dueDate: "2021-06-30",
  });
  await trpcMutation(analyst, "recommendations.publish", { recommendationId: recommendation.id, expectedVersion: recommendation.version });

  // The administrator: a focal point of Austria whose name is a payload.
  const account = await demo.createAccount({ role: "FOCAL_POINT", stateId: austriaId, name: content.userName });

  // The new focal point: evidence links that are not http(s) are refused and store nothing.
  const author = await signedInPage(account);
  const own = await trpcQuery<{ items: CommitmentRow[] }>(author, "commitments.list", { recommendationId: recommendation.id });
  expect(own.items).toHaveLength(1);
  const commitmentId = own.items[0]!.id;
  const view = await trpcQuery<CommitmentView>(author, "commitments.get", { id: commitmentId });
  const statusId = (key: string) => view.recommendation.scale.statuses.find((status) => status.key === key)!.id;
  const update = (evidenceUrl: string) => ({
    commitmentId,
    content: {
      statusId: statusId("in_progress"),
      progress: 40,
      narrative: content.narrative,
      reportingPeriod: content.reportingPeriod,
      evidence: [
        { title: content.publicEvidence, url: evidenceUrl, isPublic: true },
        { title: content.internalEvidence, url: `https://example.org/internal-${id}`, isPublic: false },
      ],
    },
  });
  for (const url of ["javascript:alert(1)", "JAVASCRIPT:window.__xss=1", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
    for (const path of ["commitments.saveDraft", "commitments.saveAndSubmit"]) {
      const refused = await trpcPost(author, path, update(url));
      expect(refused.status, `${path} with evidence ${JSON.stringify(url)}`).toBe(400);
      expect(refused.text).toContain("Evidence URL must be a web address starting with http:// or https://");
    }
  }
  const untouched = await trpcQuery<CommitmentView>(author, "commitments.get", { id: commitmentId });
  expect(untouched.openUpdate, "nothing was stored").toBeNull();
  expect(untouched.version).toBe(view.version);
  await trpcMutation(author, "commitments.saveAndSubmit", update(`https://example.org/public-${id}`));

  // The author's own name is in the header on every page.
  await expectInert(author, `/commitments/${commitmentId}`, [content.userName, content.reference, content.text, content.narrative]);

  // Public pages before acceptance: the recommendation is overdue.
  await expectInert(visitor, `/reports/overdue?source=${source.id}`, [content.reference, content.text, content.sourceTitle]);

  // The analyst sees the submitted update in the queue and the item, and records an assessment.
  await expectInert(analyst, `/review?state=${austriaId}`, [content.reference, content.text, content.userName, content.sourceTitle]);
  await expectInert(analyst, `/review?state=${austriaId}&commitment=${commitmentId}`, [
    content.reference,
    content.text,
    content.sourceTitle,
    content.narrative,
    content.reportingPeriod,
    content.publicEvidence,
    content.internalEvidence,
  ]);
  const beforeAssessment = await trpcQuery<CommitmentView>(analyst, "commitments.get", { id: commitmentId });
  await trpcMutation(analyst, "review.assess", {
    commitmentId,
    expectedVersion: beforeAssessment.version,
    statusId: statusId("partially_implemented"),
    rationale: content.rationale,
    isPublic: true,
  });
  const submitted = await trpcQuery<CommitmentView>(analyst, "commitments.get", { id: commitmentId });
  expect(submitted.openUpdate?.reviewState).toBe("SUBMITTED");
  await trpcMutation(analyst, "review.accept", { updateId: submitted.openUpdate!.id, expectedVersion: submitted.openUpdate!.version, comment: content.comment });

  await expectInert(analyst, `/review?state=${austriaId}&commitment=${commitmentId}`, [content.reference, content.rationale, content.comment]);
  await expectInert(analyst, `/recommendations/${recommendation.id}`, [content.reference, content.text]);
  await expectInert(analyst, "/recommendations", [content.reference, content.text, content.sourceTitle], async () => {
    await analyst.getByLabel("Search").fill(id);
    await expect(analyst.getByRole("link", { name: content.reference, exact: true })).toBeVisible();
  });

  // Austria's demo focal point reads its commitments.
  const focal = await focalPointPage("AT");
  await expectInert(focal, `/commitments?q=${encodeURIComponent(id)}`, [content.reference, content.text, content.sourceTitle]);
  await expectInert(focal, `/commitments/${commitmentId}`, [
    content.reference,
    content.text,
    content.sourceTitle,
    content.narrative,
    content.publicEvidence,
    content.rationale,
    content.comment,
  ]);

  // The public reports and their CSV files.
  await expectInert(visitor, `/reports/matrix?source=${source.id}`, [content.reference, content.sourceTitle]);
  await expectInert(visitor, `/reports/recommendations/${recommendation.id}`, [content.reference, content.text, content.sourceTitle, content.narrative, content.publicEvidence]);
  await expect(visitor.locator("body")).not.toContainText(content.internalEvidence);
  const recommendationCsv = await visitor.getByLabel("Export", { exact: true }).getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(recommendationCsv).toContain("report=recommendation");
  await expectInert(visitor, `/reports/states/${austriaId}?source=${source.id}`, [content.reference, content.text]);
  const stateCsv = await visitor.getByLabel("Export", { exact: true }).getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(stateCsv).toContain("report=state");

  const recommendationCells = await csvCells(visitor, recommendationCsv!);
  expect(recommendationCells).toContain(`'${content.narrative}`);
  expect(recommendationCells).toContain(`Recommendation: ${content.text}`);
  expect(recommendationCells).toContain(`Recommendation ${content.reference}`);
  const stateCells = await csvCells(visitor, stateCsv!);
  expect(stateCells).toContain(`'${content.reference}`);
  expect(stateCells).toContain(`'${content.text}`);
  for (const cell of [...recommendationCells, ...stateCells]) {
    expect(cell, "no cell starts as a formula").not.toMatch(/^[=+\-@\t\r]/);
  }

  // The administrator's list of users.
  await expectInert(admin, "/admin/users", [content.userName], async () => {
    await admin.getByLabel("Search").fill(id);
    await expect(admin.getByRole("link", { name: content.userName, exact: true })).toBeVisible();
  });
});
