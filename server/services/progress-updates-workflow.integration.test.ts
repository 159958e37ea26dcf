import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callerFor, uniqueSuffix } from "@/server/test/factories";
import { content, setup } from "@/server/test/worlds/progress-updates";

describe("the review workflow", () => {
  it("draft -> edit -> submit -> return with comment -> revised draft -> resubmit -> accept", async () => {
    const { world, at, analyst, commitmentId } = await setup();
    const inProgress = world.statuses.in_progress!.id;
    const implemented = world.statuses.implemented!.id;

    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(inProgress) });
    expect(draft).toMatchObject({ reviewState: "DRAFT", version: 1 });
    const edited = await at.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(inProgress, { progress: 45 }) });
    expect(edited.version).toBe(2);
    const submitted = await at.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: 2 });
    expect(submitted.reviewState).toBe("SUBMITTED");

    // A submitted update is locked until reviewed.
    await expect(
      at.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 3, content: content(inProgress) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // This test's own source: other test files' submitted updates share the database.
    const queue = await analyst.caller.review.queue({ stateId: at.user.stateId!, sourceId: world.source.id });
    expect(queue.items.map((item) => item.id)).toContain(draft.id);

    await expect(analyst.caller.review.return({ updateId: draft.id, expectedVersion: 3, comment: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await analyst.caller.review.return({ updateId: draft.id, expectedVersion: 3, comment: "Please attach the adopted law, not the draft." });

    const afterReturn = await at.caller.commitments.get({ id: commitmentId });
    expect(afterReturn.lastReturnedUpdate?.reviewComment).toBe("Please attach the adopted law, not the draft.");
    expect(afterReturn.openUpdate).toBeNull();
    expect(afterReturn.acceptedStatus.key).toBe("not_started");

    const revised = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(implemented, { progress: 100 }) });
    expect(revised.reviewState).toBe("SUBMITTED");
    await analyst.caller.review.accept({ updateId: revised.id, expectedVersion: 1 });

    const accepted = await at.caller.commitments.get({ id: commitmentId });
    expect(accepted.acceptedStatus.key).toBe("implemented");
    expect(accepted.acceptedProgress).toBe(100);
    expect(accepted.acceptedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(accepted.version).toBe(2);

    const history = await at.caller.commitments.history({ id: commitmentId });
    expect(history.map((entry) => entry.kind)).toEqual([
      "created",
      "update_submitted",
      "update_returned",
      "update_submitted",
      "update_accepted",
      "status_accepted",
    ]);
    expect(history[2]!.comment).toBe("Please attach the adopted law, not the draft.");
    expect(history[2]!.actorName).toBe(analyst.user.name);

    const audit = await db.auditEvent.findMany({ where: { entityId: { in: [draft.id, revised.id, commitmentId] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "update.draft_created",
      "update.draft_saved",
      "update.submitted",
      "update.returned",
      "update.submitted",
      "update.accepted",
      "commitment.status_accepted",
    ]);
    expect(audit[0]).toMatchObject({ actorId: at.user.id, actorRole: "FOCAL_POINT", actorStateId: at.user.stateId });
    expect(audit[0]!.after).toMatchObject({ id: draft.id, reviewState: "DRAFT", version: 1, commitmentId, reviewComment: null });
    expect(audit[5]).toMatchObject({ actorId: analyst.user.id, actorRole: "ANALYST", before: { reviewState: "SUBMITTED" }, after: { reviewState: "ACCEPTED", comment: null } });
    expect(audit[6]!.before).toEqual({ acceptedStatusId: world.statuses.not_started!.id, acceptedProgress: 0, acceptedAt: null, version: 1 });
    expect(audit[6]!.after).toEqual({
      acceptedStatusId: world.statuses.implemented!.id,
      acceptedProgress: 100,
      acceptedAt: accepted.acceptedAt,
      version: 2,
      updateId: revised.id,
    });
  });

  it("allows one open update per commitment", async () => {
    const { world, at, commitmentId } = await setup();
    const first = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) });
    const deputy = await callerFor("FOCAL_POINT", "AT");
    const error = await deputy.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(String((error as Error).message)).toContain(at.user.name);
    // The deputy of the same State can continue the draft.
    const continued = await deputy.caller.commitments.saveDraft({ commitmentId, updateId: first.id, expectedVersion: 1, content: content(world.statuses.planned!.id, { progress: 12 }) });
    expect(continued.version).toBe(2);
  });

  it("lets a focal point delete their draft but not a submitted update", async () => {
    const { world, at, commitmentId } = await setup();
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) });
    await at.caller.commitments.deleteDraft({ updateId: draft.id, expectedVersion: 1 });
    expect(await db.progressUpdate.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.evidenceLink.count({ where: { updateId: draft.id } })).toBe(0);
    const submitted = await at.caller.commitments.saveAndSubmit({ commitmentId, content: content(world.statuses.planned!.id) });
    await expect(at.caller.commitments.deleteDraft({ updateId: submitted.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.progressUpdate.count({ where: { id: submitted.id } })).toBe(1);
  });

  it("refuses a status from another scale, with a field error", async () => {
    const { at, commitmentId } = await setup();
    const otherScale = await db.statusScale.create({
      data: { name: `Other ${uniqueSuffix()}`, statuses: { create: [{ key: "x", label: "X", position: 0, defaultProgress: 0 }] } },
      include: { statuses: true },
    });
    const error = await at.caller.commitments.saveDraft({ commitmentId, content: content(otherScale.statuses[0]!.id) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { details: { fieldErrors: { statusId: [expect.any(String)] } } } });
  });
});

describe("the state machine: every transition from every state", () => {
  const transitions = ["edit", "submit", "delete", "accept", "return"] as const;
  const done = { edit: "edited", submit: "submitted", delete: "deleted", accept: "accepted", return: "returned" };
  const allowed: Record<string, string[]> = {
    DRAFT: ["edit", "submit", "delete"],
    SUBMITTED: ["accept", "return"],
    ACCEPTED: [],
    RETURNED: [],
  };

  for (const from of ["DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"] as const) {
    for (const transition of transitions) {
      const expected = allowed[from]!.includes(transition);
      it(`${from} --${transition}--> ${expected ? "allowed" : "refused"}`, async () => {
        const { world, at, analyst, commitmentId } = await setup(["AT"]);
        const statusId = world.statuses.in_progress!.id;
        const made = await at.caller.commitments.saveDraft({ commitmentId, content: content(statusId) });
        let version = 1;
        if (from !== "DRAFT") version = (await at.caller.commitments.submitUpdate({ updateId: made.id, expectedVersion: 1 })).version;
        if (from === "ACCEPTED") version = (await analyst.caller.review.accept({ updateId: made.id, expectedVersion: version })).version;
        if (from === "RETURNED") version = (await analyst.caller.review.return({ updateId: made.id, expectedVersion: version, comment: "No" })).version;

        const ref = { updateId: made.id, expectedVersion: version };
        const attempt = {
          edit: () => at.caller.commitments.saveDraft({ commitmentId, updateId: made.id, expectedVersion: version, content: content(statusId, { progress: 41 }) }),
          submit: () => at.caller.commitments.submitUpdate(ref),
          delete: () => at.caller.commitments.deleteDraft(ref),
          accept: () => analyst.caller.review.accept(ref),
          return: () => analyst.caller.review.return({ ...ref, comment: "Returned" }),
        }[transition];
        const before = await db.progressUpdate.findUniqueOrThrow({ where: { id: made.id } });
        if (expected) {
          await expect(attempt()).resolves.toBeTruthy();
        } else {
          // The secretariat never sees a State's drafts: reviewing one looks like a missing update.
          const refusal = from === "DRAFT" ? { code: "NOT_FOUND" } : { code: "BAD_REQUEST", message: expect.stringMatching(`^This update cannot be ${done[transition]}: it is `) };
          await expect(attempt()).rejects.toMatchObject(refusal);
          const after = await db.progressUpdate.findUniqueOrThrow({ where: { id: made.id } });
          expect(after).toEqual(before);
        }
      });
    }
  }
});

describe("the transition guard is the write itself", () => {
  it("refuses a transition whose starting state changed behind the caller's version, for the focal point and the secretariat", async () => {
    const { world, at, analyst, commitmentId } = await setup(["AT"]);
    const statusId = world.statuses.in_progress!.id;
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(statusId) });
    // Another writer moved the state without a new version (what a race between a check and a write looks like).
    await db.progressUpdate.update({ where: { id: draft.id }, data: { reviewState: "SUBMITTED" } });
    const submittedRow = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(
      at.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(statusId, { progress: 90 }) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot be edited: it is submitted") });
    await expect(at.caller.commitments.deleteDraft({ updateId: draft.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(submittedRow);

    await db.progressUpdate.update({ where: { id: draft.id }, data: { reviewState: "RETURNED" } });
    const returnedRow = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(analyst.caller.review.accept({ updateId: draft.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("it is returned") });
    await expect(analyst.caller.review.return({ updateId: draft.id, expectedVersion: 1, comment: "Again" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(returnedRow);
    expect(await db.auditEvent.count({ where: { entityType: "ProgressUpdate", entityId: draft.id } })).toBe(1);
  });
});

describe("concurrency (T15)", () => {
  it("twenty parallel submissions of one version: exactly one succeeds, nineteen get CONFLICT, one audit row", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.in_progress!.id) });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => at.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: 1 })),
    );
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const conflicts = results.filter((result) => result.status === "rejected" && (result.reason as { code?: string }).code === "CONFLICT");
    expect(fulfilled).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "update.submitted" } })).toBe(1);
    const update = await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } });
    expect(update).toMatchObject({ reviewState: "SUBMITTED", version: 2 });
  });

  it("twenty parallel first drafts: exactly one is created", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id) })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected" && (result.reason as { code?: string }).code === "CONFLICT")).toHaveLength(19);
    expect(await db.progressUpdate.count({ where: { commitmentId } })).toBe(1);
  });

  it("a stale edit is refused with who changed it and when, and nothing is overwritten", async () => {
    const { world, at, commitmentId } = await setup(["AT"]);
    const deputy = await callerFor("FOCAL_POINT", "AT");
    const draft = await at.caller.commitments.saveDraft({ commitmentId, content: content(world.statuses.planned!.id, { narrative: "first" }) });
    await deputy.caller.commitments.saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(world.statuses.planned!.id, { narrative: "deputy's text" }) });
    type TConflict = { code: string; message: string; cause: { details: { conflict: { changedBy: string; changedAt: string } } } };
    const error = (await at.caller.commitments
      .saveDraft({ commitmentId, updateId: draft.id, expectedVersion: 1, content: content(world.statuses.planned!.id, { narrative: "my stale text" }) })
      .catch((e: unknown) => e)) as TConflict;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(deputy.user.name);
    expect(error.cause.details.conflict.changedBy).toBe(deputy.user.name);
    expect(new Date(error.cause.details.conflict.changedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: draft.id } })).narrative).toBe("deputy's text");
  });

  it("a stale assessment is refused after the commitment changed", async () => {
    const { world, analyst, commitmentId } = await setup(["AT"]);
    const other = await callerFor("ANALYST");
    await other.caller.review.assess({ commitmentId, expectedVersion: 1, statusId: world.statuses.planned!.id, rationale: "Plans announced", isPublic: true });
    await expect(
      analyst.caller.review.assess({ commitmentId, expectedVersion: 1, statusId: world.statuses.not_started!.id, rationale: "Nothing yet", isPublic: false }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(other.user.name) });
    expect(await db.assessment.count({ where: { commitmentId } })).toBe(1);
  });
});
