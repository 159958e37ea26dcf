import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { TUpdateContent } from "@/server/schemas/commitments";
import { runTestDdl } from "@/server/test/sql";
import { actorFor, callerAs, callerFor, createTestUser, uniqueSuffix } from "@/server/test/factories";
import { content, setup } from "@/server/test/worlds/progress-updates";

describe("audit trail", () => {
  it("rolls the change back when the audit insert fails (T16)", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const submitted = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.implemented!.id, { progress: 100 }) });
    const reviewer = await createTestUser({ role: "ANALYST" });
    const actor = await actorFor(reviewer.id, `fail-audit-${uniqueSuffix()}`);
    const trigger = `fail_audit_${uniqueSuffix()}`;
    // Test-only DDL with generated identifiers (no user input): make the audit insert of this
    // one request fail, leaving every other test's requests alone.
    await runTestDdl(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."requestId" = '${actor.requestId}' THEN RAISE EXCEPTION 'audit insert failed on purpose'; END IF;
        RETURN NEW;
      END; $$`);
    await runTestDdl(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      const commitmentBefore = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
      const caller = await callerAs(actor);
      await expect(caller.review.accept({ updateId: submitted.id, expectedVersion: 1 })).rejects.toBeTruthy();
      expect(await db.commitment.findUniqueOrThrow({ where: { id: commitmentId } })).toEqual(commitmentBefore);
      expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: submitted.id } })).reviewState).toBe("SUBMITTED");
      expect(await db.commitmentStatusChange.count({ where: { updateId: submitted.id } })).toBe(0);
    } finally {
      await runTestDdl(`DROP TRIGGER ${trigger} ON "AuditEvent"`);
      await runTestDdl(`DROP FUNCTION ${trigger}()`);
    }
  });

  it("writes the same row, column for column, from a one-statement write (SQL) and a transaction (Prisma)", async () => {
    const { world, at, analyst, commitmentId } = await setup(["AT"]);
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) });
    await at.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(world.statuses.planned!.id, { progress: 50 }) });
    await at.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: 2 });
    await analyst.caller.review.accept({ updateId: draft.id, expectedVersion: 3, comment: "Fine" });
    const events = await db.auditEvent.findMany({ where: { OR: [{ entityId: draft.id }, { entityId: commitmentId, action: "commitment.status_accepted" }] }, orderBy: { id: "asc" } });
    const actorFields = ({ actorId, actorEmail, actorRole, actorStateId }: (typeof events)[number]) => ({ actorId, actorEmail, actorRole, actorStateId });
    expect(events.map((event) => event.action)).toEqual(["update.draft_created", "update.draft_saved", "update.submitted", "update.accepted", "commitment.status_accepted"]);
    // By SQL: the first draft and the acceptance; by Prisma: the edit and the submission.
    expect(actorFields(events[0]!)).toEqual(actorFields(events[1]!));
    expect(actorFields(events[0]!)).toEqual({ actorId: at.user.id, actorEmail: at.user.email, actorRole: "FOCAL_POINT", actorStateId: at.user.stateId });
    expect(actorFields(events[3]!)).toEqual({ actorId: analyst.user.id, actorEmail: analyst.user.email, actorRole: "ANALYST", actorStateId: null });
    expect(events[0]!.after).toMatchObject({ reviewState: "DRAFT", version: 1, progress: 40, commitmentId });
    expect(events[1]!.before).toMatchObject({ reviewState: "DRAFT", version: 1, progress: 40 });
    expect(events[3]).toMatchObject({ entityType: "ProgressUpdate", before: { reviewState: "SUBMITTED" }, after: { reviewState: "ACCEPTED", comment: "Fine" } });
    expect(events[4]).toMatchObject({ entityType: "Commitment", after: { version: 2, updateId: draft.id, acceptedProgress: 50 } });
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: draft.id } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("update.draft_created");
  });
});

describe("accepted status as of a date", () => {
  it("answers from the history for any date", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const { planned, in_progress: inProgress, implemented } = world.statuses;
    await db.commitmentStatusChange.updateMany({ where: { commitmentId }, data: { effectiveAt: new Date("2020-01-01T10:00:00Z") } });
    await db.commitmentStatusChange.createMany({
      data: [
        { commitmentId, statusId: planned!.id, progress: 10, effectiveAt: new Date("2021-03-15T09:00:00Z") },
        { commitmentId, statusId: inProgress!.id, progress: 40, effectiveAt: new Date("2022-06-30T23:30:00Z") },
        { commitmentId, statusId: implemented!.id, progress: 100, effectiveAt: new Date("2024-01-02T08:00:00Z") },
      ],
    });
    const asOf = async (date: string) => (await at.caller.commitments.statusAsOf({ id: commitmentId, date }))?.status.key ?? null;
    expect(await asOf("2019-12-31")).toBeNull();
    expect(await asOf("2020-01-01")).toBe("not_started");
    expect(await asOf("2021-03-14")).toBe("not_started");
    expect(await asOf("2021-03-15")).toBe("planned");
    expect(await asOf("2022-06-30")).toBe("in_progress");
    expect(await asOf("2023-12-31")).toBe("in_progress");
    expect(await asOf("2030-01-01")).toBe("implemented");
  });
});

describe("authorization", () => {
  it("T01 hides another State's commitment exactly like a missing id", async () => {
    const { it: italy, commitmentId } = await setup();
    const missing = "0195b0a0-0000-7000-8000-000000000000";
    for (const id of [commitmentId, missing]) {
      for (const call of [
        () => italy.caller.commitments.get({ id }),
        () => italy.caller.commitments.history({ id }),
        () => italy.caller.commitments.statusAsOf({ id, date: "2026-01-01" }),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Commitment not found." });
      }
    }
  });

  it("T02 refuses writes to another State's commitments and updates, changing nothing", async () => {
    const { world, at, it: italy, commitmentId } = await setup();
    const statusId = world.statuses.planned!.id;
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(statusId) });
    const auditBefore = await db.auditEvent.count({ where: { entityId: { in: [draft.id, commitmentId] } } });
    const attempts = [
      () => italy.caller.commitments.saveDraft({ commitmentId, content: content(statusId) }),
      () => italy.caller.commitments.saveAndSubmit({ commitmentId, content: content(statusId) }),
      () => italy.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(statusId) }),
      // Austria's update nested in Italy's own commitment.
      () => italy.caller.commitments.saveDraft({ commitmentId: world.commitments.IT!.id, updateId: draft.id, expectedVersion: 1, content: content(statusId) }),
      () => italy.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: 1 }),
      () => italy.caller.commitments.deleteDraft({ updateId: draft.id, expectedVersion: 1 }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ reviewState: "DRAFT", version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: { in: [draft.id, commitmentId] } } })).toBe(auditBefore);
    expect(await db.progressUpdate.count({ where: { commitmentId: world.commitments.IT!.id } })).toBe(0);
  });

  it("T01 never lists another State's drafts or submitted updates", async () => {
    const { world, at, it: italy, analyst, publicCaller, commitmentId } = await setup();
    await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) });
    const italyList = await italy.caller.commitments.list({ recommendationId: world.recommendation.id });
    expect(italyList.items.map((item) => item.state.iso2)).toEqual(["IT"]);
    expect((await italy.caller.commitments.list({ stateId: at.user.stateId!, recommendationId: world.recommendation.id })).items).toEqual([]);
    const analystView = await analyst.caller.commitments.get({ id: commitmentId });
    expect(analystView.openUpdate).toBeNull(); // a draft is the State's own work in progress
    const publicView = await publicCaller.commitments.get({ id: commitmentId });
    expect(publicView.openUpdate).toBeNull();
    const atList = await at.caller.commitments.list({ recommendationId: world.recommendation.id });
    expect(atList.items[0]?.openUpdateReviewState).toBe("DRAFT");
  });

  it("T04 gives each role its allowed actions and refuses the rest", async () => {
    const { world, at, analyst, publicCaller, commitmentId } = await setup(["AT"]);
    const statusId = world.statuses.planned!.id;
    await expect(analyst.caller.commitments.saveDraft({ commitmentId, content: content(statusId) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publicCaller.commitments.saveDraft({ commitmentId, content: content(statusId) })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const submitted = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(statusId) });
    await expect(at.caller.review.accept({ updateId: submitted.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(at.caller.review.queue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(at.caller.review.assess({ commitmentId, expectedVersion: 1, statusId, rationale: "x", isPublic: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publicCaller.review.queue({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(publicCaller.review.return({ updateId: submitted.id, expectedVersion: 1, comment: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const admin = await callerFor("ADMIN");
    await expect(admin.caller.review.return({ updateId: submitted.id, expectedVersion: 1, comment: "Admins review too" })).resolves.toMatchObject({ reviewState: "RETURNED" });
  });

  it("shows the public accepted statuses, public evidence and public assessments only, and no names", async () => {
    const { world, at, analyst, publicCaller, commitmentId } = await setup(["AT"]);
    const submitted = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.in_progress!.id) });
    await analyst.caller.review.accept({ updateId: submitted.id, expectedVersion: 1 });
    await analyst.caller.review.assess({ commitmentId, expectedVersion: 2, statusId: world.statuses.planned!.id, rationale: "Internal doubts", isPublic: false });

    const view = await publicCaller.commitments.get({ id: commitmentId });
    expect(view.acceptedStatus.key).toBe("in_progress");
    expect(view.assessment).toBeNull();
    expect(view.updatedByName).toBeNull();
    const history = await publicCaller.commitments.history({ id: commitmentId });
    expect(history.every((entry) => entry.actorName === null)).toBe(true);
    const submittedEntry = history.find((entry) => entry.kind === "update_submitted")!;
    expect(submittedEntry.evidence.map((link) => link.title)).toEqual(["Draft law"]);
    expect(history.some((entry) => entry.kind === "assessment")).toBe(false);

    const focalView = await at.caller.commitments.get({ id: commitmentId });
    expect(focalView.assessment?.rationale).toBe("Internal doubts");
  });

  it("hides commitments of unpublished recommendations from the public", async () => {
    const { world, publicCaller, commitmentId } = await setup(["AT"]);
    await db.recommendation.update({ where: { id: world.recommendation.id }, data: { publication: "DRAFT" } });
    await expect(publicCaller.commitments.get({ id: commitmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("input (T05, T14)", () => {
  it("T05 rejects unknown keys smuggled into mutations, changing nothing", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const statusId = world.statuses.planned!.id;
    const smuggled = [
      { commitmentId, content: content(statusId), stateId: world.commitments.AT!.id },
      { commitmentId, content: { ...content(statusId), reviewState: "ACCEPTED" } },
      { commitmentId, content: content(statusId), role: "ADMIN" },
      { commitmentId, content: content(statusId), version: 99 },
      JSON.parse(`{"commitmentId":"${commitmentId}","content":${JSON.stringify(content(statusId))},"__proto__":{"isAdmin":true}}`),
    ];
    for (const input of smuggled) {
      await expect(at.caller.commitments.saveDraft(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await db.progressUpdate.count({ where: { commitmentId } })).toBe(0);
  });

  it("round-trips Cyrillic, Arabic, CJK, emoji, combining marks and RTL text unchanged", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const narrative = "Закон принят. قانون الإقامة المؤقتة. 临时居留。 🧒🏽✅ e\u0301 \u202Eevil\u202C";
    const draft = await at.caller.commitments.saveDraft({
      commitmentId,
      content: content(world.statuses.planned!.id, { narrative, evidence: [{ title: "Указ №17 — 法令", url: "https://gov.example/указ", isPublic: true }] }),
    });
    const view = await at.caller.commitments.get({ id: commitmentId });
    expect(view.openUpdate?.id).toBe(draft.id);
    expect(view.openUpdate?.narrative).toBe(narrative);
    expect(view.openUpdate?.evidence[0]?.title).toBe("Указ №17 — 法令");
  });

  it("refuses NUL, lone surrogates, over-long text, bad URLs and out-of-range progress with BAD_REQUEST", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const statusId = world.statuses.planned!.id;
    const bad: Partial<TUpdateContent>[] = [
      { narrative: "before\u0000after" },
      { narrative: "lone \uD800 surrogate" },
      { narrative: "x".repeat(10_001) },
      { progress: 101 },
      { progress: -1 },
      { progress: 12.5 },
      { evidence: [{ title: "Script", url: "javascript:alert(1)", isPublic: true }] },
      { evidence: [{ title: "", url: "https://ok.example", isPublic: true }] },
      { evidence: Array.from({ length: 21 }, (_, index) => ({ title: `Link ${index}`, url: "https://ok.example", isPublic: true })) },
    ];
    for (const overrides of bad) {
      await expect(at.caller.commitments.saveDraft({ commitmentId, content: content(statusId, overrides) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await db.progressUpdate.count({ where: { commitmentId } })).toBe(0);
    const exactlyMax = await at.caller.commitments.saveDraft({ commitmentId, content: content(statusId, { narrative: "x".repeat(10_000) }) });
    expect(exactlyMax.reviewState).toBe("DRAFT");
  });
});

describe("due dates and overdue", () => {
  it("lets the secretariat set a commitment's own due date, version-checked; past due without acceptance is overdue", async () => {
    const { world, at, analyst, commitmentId } = await setup(["AT"]);
    const result = await analyst.caller.commitments.setDueDate({ commitmentId, expectedVersion: 1, dueDate: "2020-06-30" });
    expect(result.version).toBe(2);
    const view = await at.caller.commitments.get({ id: commitmentId });
    expect(view.dueDate).toBe("2020-06-30");
    expect(view.overdue).toBe(true);
    const overdueList = await at.caller.commitments.list({ recommendationId: world.recommendation.id, overdue: true });
    expect(overdueList.items.map((item) => item.id)).toEqual([commitmentId]);
    await expect(analyst.caller.commitments.setDueDate({ commitmentId, expectedVersion: 1, dueDate: null })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(at.caller.commitments.setDueDate({ commitmentId, expectedVersion: 2, dueDate: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { entityId: commitmentId, action: "commitment.due_date_set" } })).toBe(1);

    // An accepted update ends the overdue state.
    const submitted = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.planned!.id) });
    await analyst.caller.review.accept({ updateId: submitted.id, expectedVersion: 1 });
    expect((await at.caller.commitments.get({ id: commitmentId })).overdue).toBe(false);
  });
});

describe("scopes combine with the query's own conditions", () => {
  it("an analyst's view shows no open update once everything is reviewed (a scope never replaces the state filter)", async () => {
    const { world, at, analyst, commitmentId } = await setup(["AT"]);
    const first = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.planned!.id) });
    await analyst.caller.review.return({ updateId: first.id, expectedVersion: 1, comment: "More detail please" });
    const second = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.in_progress!.id) });
    expect((await analyst.caller.commitments.get({ id: commitmentId })).openUpdate?.id).toBe(second.id);
    await analyst.caller.review.accept({ updateId: second.id, expectedVersion: 1 });
    const view = await analyst.caller.commitments.get({ id: commitmentId });
    expect(view.openUpdate).toBeNull();
    expect(view.lastReturnedUpdate?.id).toBe(first.id);
    const listed = await analyst.caller.commitments.list({ recommendationId: world.recommendation.id });
    expect(listed.items[0]?.openUpdateReviewState).toBeNull();
  });
});
