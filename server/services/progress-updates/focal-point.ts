import "server-only";
import { v7 as uuidv7 } from "uuid";
import { db, queryRows, type Tx } from "@/server/db/client";
import type { Actor, UserActor } from "@/server/services/access";
import { commitmentScope, isFocalPoint, updateScope } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { findCommitmentInScope } from "@/server/services/commitments";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { DomainError } from "@/server/services/errors";
import { conflictValues, rowChange } from "@/server/services/core/conflict";
import { validationMessage } from "@/server/shared/message-keys";
import { createUpdateSql, type NewUpdate } from "@/server/services/progress-updates/focal-point.sql";
import { applyTransition, type ReviewState } from "@/server/services/progress-updates/workflow";
import type { TUpdateContent, TUpdateRef, TWriteUpdateInput } from "@/server/schemas/commitments";

// What a focal point does with their State's updates: write a draft, submit it, delete it.

function assertReporter(actor: Actor): asserts actor is UserActor & { role: "FOCAL_POINT"; stateId: string } {
  if (!isFocalPoint(actor)) throw new DomainError("FORBIDDEN", "access.reportProgress");
}

async function assertStatusOfScale(client: Tx | typeof db, statusId: string, scaleId: string) {
  const status = await client.scaleStatus.findFirst({ where: { id: statusId, scaleId }, select: { id: true } });
  if (!status) {
    throw new DomainError("BAD_REQUEST", "updates.chooseStatus", {
      fieldErrors: { statusId: [validationMessage("updates.chooseStatus")] },
    });
  }
}

/** What the audit trail keeps of an update, before and after a change. */
const updateAuditSelect = {
  id: true,
  reviewState: true,
  version: true,
  statusId: true,
  progress: true,
  narrative: true,
  reportingPeriod: true,
  reviewComment: true,
  evidence: { select: { title: true, url: true, isPublic: true }, orderBy: { position: "asc" } },
} as const;

function evidenceRows(content: TUpdateContent) {
  return content.evidence.map((link, position) => ({ position, title: link.title, url: link.url, isPublic: link.isPublic }));
}

/** The partial unique index that allows one open (draft or submitted) update per commitment. */
const ONE_OPEN_UPDATE = "ProgressUpdate_one_open_per_commitment";

/**
 * A first update of a commitment (already checked to be in the actor's scope, with a status of
 * its scale): the update, its evidence links and its audit row in one statement, so one round
 * trip and atomic without a transaction block. A second open update is refused by the partial
 * unique index (the caller turns that into a CONFLICT), so nothing is read first.
 */
async function createUpdate(actor: UserActor, commitmentId: string, content: TUpdateContent, submit: boolean, now: Date) {
  const update: NewUpdate = {
    id: uuidv7(),
    commitmentId,
    reviewState: submit ? "SUBMITTED" : "DRAFT",
    statusId: content.statusId,
    progress: content.progress,
    narrative: content.narrative,
    reportingPeriod: content.reportingPeriod ?? null,
    evidence: evidenceRows(content),
  };
  const { evidence, commitmentId: _commitment, ...fields } = update;
  const after = { ...fields, version: 1, reviewComment: null, evidence: evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })), commitmentId };
  const action = submit ? "update.submitted" : "update.draft_created";
  const [created] = await queryRows<{ id: string; reviewState: ReviewState; version: number }>(createUpdateSql(actor, update, now, action, after));
  return created!;
}

/**
 * Saves a draft update (new, or an edit of the actor's State's draft), and submits it for review
 * when `submit` is set: both in one transaction, version-checked. `now` is the time of the write
 * (the demo history writes in the past).
 */
export async function writeUpdate(actor: Actor, input: TWriteUpdateInput, options: { submit: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  assertReporter(actor);
  // The commitment in the actor's scope, found only when the chosen status is of its scale: one
  // query on the normal path; the second query only tells the two refusals apart.
  const found = await db.commitment.findFirst({
    where: { AND: [{ id: input.commitmentId }, commitmentScope(actor), { recommendation: { scale: { statuses: { some: { id: input.content.statusId } } } } }] },
    select: { id: true },
  });
  if (!found) {
    const commitment = await findCommitmentInScope(actor, input.commitmentId, { recommendation: { select: { scaleId: true } } });
    await assertStatusOfScale(db, input.content.statusId, commitment.recommendation.scaleId);
    // Both checks pass only if the scale changed between the two queries: ask to try again.
    throw new DomainError("CONFLICT", "conflict.scaleChanged");
  }
  const commitment = found;

  try {
    if (!input.updateId) return await createUpdate(actor, commitment.id, input.content, options.submit, now);
    const ref = { updateId: input.updateId, expectedVersion: input.expectedVersion, commitmentId: commitment.id };
    return await db.$transaction(async (tx) => {
      if (ref.expectedVersion === undefined) throw new DomainError("BAD_REQUEST", "updates.versionRequired");
      const before = await tx.progressUpdate.findFirst({ where: { AND: [{ id: ref.updateId }, updateScope(actor)] }, select: updateAuditSelect });
      await applyTransition(tx, actor, options.submit ? "submit" : "edit", { ...ref, expectedVersion: ref.expectedVersion }, {
        statusId: input.content.statusId,
        progress: input.content.progress,
        narrative: input.content.narrative,
        reportingPeriod: input.content.reportingPeriod ?? null,
        updatedById: actor.id,
        ...(options.submit ? { submittedAt: now } : {}),
      });
      await tx.evidenceLink.deleteMany({ where: { updateId: ref.updateId } });
      await tx.evidenceLink.createMany({ data: evidenceRows(input.content).map((row) => ({ ...row, updateId: ref.updateId })) });
      const after = await tx.progressUpdate.findUniqueOrThrow({ where: { id: ref.updateId }, select: updateAuditSelect });
      await recordAudit(tx, actor, {
        action: options.submit ? "update.submitted" : "update.draft_saved",
        entityType: "ProgressUpdate",
        entityId: ref.updateId,
        before,
        after,
      });
      return { id: after.id, reviewState: after.reviewState, version: after.version };
    });
  } catch (error) {
    // Two first drafts racing: the partial unique index lets only one in.
    if (isUniqueViolation(error, ONE_OPEN_UPDATE)) throw await openUpdateExists(commitment.id);
    throw error;
  }
}

/** The CONFLICT for a second open update of a commitment: says which one is open, who changed it last, and when. */
async function openUpdateExists(commitmentId: string) {
  const open = await db.progressUpdate.findFirst({
    where: { commitmentId, reviewState: { in: ["DRAFT", "SUBMITTED"] } },
    select: { reviewState: true, updatedById: true, updatedAt: true },
  });
  const { values, conflict } = await conflictValues(db, rowChange(open));
  return new DomainError("CONFLICT", { key: "conflict.openUpdate", values: { ...values, state: open?.reviewState === "SUBMITTED" ? "submitted" : "draft" } }, { conflict });
}

/** Submits the actor's State's draft as it is, based on `expectedVersion`. */
export async function submitUpdate(actor: Actor, input: TUpdateRef) {
  assertReporter(actor);
  return db.$transaction(async (tx) => {
    await applyTransition(tx, actor, "submit", input, { submittedAt: new Date(), updatedById: actor.id });
    const version = input.expectedVersion + 1;
    await recordAudit(tx, actor, {
      action: "update.submitted",
      entityType: "ProgressUpdate",
      entityId: input.updateId,
      before: { reviewState: "DRAFT", version: input.expectedVersion },
      after: { reviewState: "SUBMITTED", version },
    });
    return { id: input.updateId, reviewState: "SUBMITTED" as const, version };
  });
}

/** Deletes the actor's State's draft with its evidence links (a submitted update cannot be withdrawn). */
export async function deleteDraft(actor: Actor, input: TUpdateRef) {
  assertReporter(actor);
  return db.$transaction(async (tx) => {
    const snapshot = await tx.progressUpdate.findFirst({ where: { AND: [{ id: input.updateId }, updateScope(actor)] }, select: updateAuditSelect });
    await applyTransition(tx, actor, "delete", input);
    await recordAudit(tx, actor, { action: "update.draft_deleted", entityType: "ProgressUpdate", entityId: input.updateId, before: snapshot });
    return { id: input.updateId, deleted: true };
  });
}
