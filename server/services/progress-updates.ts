import { Prisma } from "@/prisma/generated/client";
import type { ReviewState } from "@/prisma/generated/enums";
import { v7 as uuidv7 } from "uuid";
import { db, readRows, type Tx } from "@/server/db/client";
import { sqlIsoTime } from "@/server/services/core/dates";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import type { Actor, UserActor } from "@/server/services/access";
import { commitmentScope, isFocalPoint, isSecretariat, updateScope } from "@/server/services/access";
import { auditActor, recordAudit } from "@/server/services/audit";
import { findCommitmentInScope } from "@/server/services/commitments";
import { DomainError } from "@/server/services/errors";
import type {
  TAcceptUpdateInput,
  TReturnUpdateInput,
  TUpdateContent,
  TUpdateRef,
  TWriteUpdateInput,
} from "@/server/schemas/commitments";

// The review workflow of a progress update:
//   DRAFT --submit--> SUBMITTED --accept--> ACCEPTED (the commitment takes its status)
//                               --return--> RETURNED (the focal point starts a revised draft)
// A focal point may edit or delete only a DRAFT; a SUBMITTED update is locked until reviewed.

export type { ReviewState };
export type UpdateTransition = "edit" | "submit" | "delete" | "accept" | "return";

const ALLOWED: Record<UpdateTransition, ReviewState[]> = {
  edit: ["DRAFT"],
  submit: ["DRAFT"],
  delete: ["DRAFT"],
  accept: ["SUBMITTED"],
  return: ["SUBMITTED"],
};

/** Whether a transition is allowed from a state (pure: the unit tests walk every pair). */
export function canTransition(from: ReviewState, transition: UpdateTransition): boolean {
  return ALLOWED[transition].includes(from);
}

const REVIEW_STATE_WORDS: Record<ReviewState, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted and waiting for review",
  ACCEPTED: "already accepted",
  RETURNED: "returned",
};

function assertTransition(from: ReviewState, transition: UpdateTransition) {
  if (!canTransition(from, transition)) {
    throw new DomainError("BAD_REQUEST", `This update cannot be ${transition === "edit" ? "edited" : `${transition}ed`}: it is ${REVIEW_STATE_WORDS[from]}.`);
  }
}

function assertReporter(actor: Actor): asserts actor is UserActor & { role: "FOCAL_POINT"; stateId: string } {
  if (!isFocalPoint(actor)) throw new DomainError("FORBIDDEN", "Only a focal point of the State can report progress.");
}

function assertReviewer(actor: Actor): asserts actor is UserActor {
  if (!isSecretariat(actor)) throw new DomainError("FORBIDDEN", "Only the secretariat can review updates.");
}

/** A CONFLICT that says who changed the record and when; nothing is overwritten. */
async function conflict(client: Tx | typeof db, what: string, row: { updatedById: string | null; updatedAt: Date } | null) {
  const who = row?.updatedById
    ? (await client.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }))?.name ?? null
    : null;
  const when = row?.updatedAt ?? new Date();
  return new DomainError(
    "CONFLICT",
    `This ${what} was changed by ${who ?? "someone else"} at ${when.toISOString()}. Reload to see the latest version; your text is kept.`,
    { conflict: { changedBy: who, changedAt: when.toISOString() } },
  );
}

async function assertStatusOfScale(client: Tx | typeof db, statusId: string, scaleId: string) {
  const status = await client.scaleStatus.findFirst({ where: { id: statusId, scaleId }, select: { id: true } });
  if (!status) {
    throw new DomainError("BAD_REQUEST", "Choose a status of this recommendation's scale.", {
      fieldErrors: { statusId: ["Choose a status of this recommendation's scale"] },
    });
  }
}

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

function isOpenUpdateClash(error: unknown) {
  return isUniqueViolation(error, ONE_OPEN_UPDATE);
}

/**
 * A first update of a commitment (already checked to be in the actor's scope, with a status of
 * its scale): the update, its evidence links and its audit row in one statement, so one round
 * trip and atomic without a transaction block. A second open update is refused by the partial
 * unique index (the caller turns that into a CONFLICT), so nothing is read first.
 */
async function createUpdate(
  actor: UserActor,
  commitmentId: string,
  content: TUpdateContent,
  data: { statusId: string; progress: number; narrative: string; reportingPeriod: string | null },
  submit: boolean,
) {
  const id = uuidv7();
  const now = new Date();
  const reviewState = submit ? "SUBMITTED" : "DRAFT";
  const evidence = evidenceRows(content);
  const who = auditActor(actor);
  const after = {
    id,
    reviewState,
    version: 1,
    statusId: data.statusId,
    progress: data.progress,
    narrative: data.narrative,
    reportingPeriod: data.reportingPeriod,
    reviewComment: null,
    evidence: evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })),
    commitmentId,
  };
  const [created] = await readRows<{ id: string; reviewState: ReviewState; version: number }>(Prisma.sql`
    WITH created AS (
      INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, narrative, "reportingPeriod", "reviewState", "submittedAt", "updatedById", "updatedAt")
      VALUES (${id}::uuid, ${commitmentId}::uuid, ${actor.id}::uuid, ${data.statusId}::uuid, ${data.progress}, ${data.narrative}, ${data.reportingPeriod},
              ${reviewState}::"ReviewState", ${submit ? now : null}::timestamptz, ${actor.id}::uuid, ${now})
      RETURNING id, "reviewState"::text AS "reviewState", version
    ), links AS (
      INSERT INTO "EvidenceLink" (id, "updateId", position, title, url, "isPublic")
      SELECT link.id, created.id, link.position, link.title, link.url, link.is_public
      FROM created, unnest(${evidence.map(() => uuidv7())}::uuid[], ${evidence.map((row) => row.position)}::int[], ${evidence.map((row) => row.title)}::text[],
                           ${evidence.map((row) => row.url)}::text[], ${evidence.map((row) => row.isPublic)}::bool[]) AS link(id, position, title, url, is_public)
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", "actorEmail", "actorRole", "actorStateId", "requestId", action, "entityType", "entityId", after)
      SELECT ${who.actorId}::uuid, ${who.actorEmail}, ${who.actorRole}, ${who.actorStateId}::uuid, ${who.requestId},
             ${submit ? "update.submitted" : "update.draft_created"}, 'ProgressUpdate', created.id::text, ${JSON.stringify(after)}::jsonb
      FROM created
    )
    SELECT id, "reviewState", version FROM created`);
  return created!;
}

/**
 * Saves a draft update (new, or an edit of the actor's State's draft), and submits it for review
 * when `submit` is set: both in one transaction, version-checked.
 */
export async function writeUpdate(actor: Actor, input: TWriteUpdateInput, options: { submit: boolean }) {
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
    throw new DomainError("CONFLICT", "This recommendation's scale changed meanwhile. Reload and try again.");
  }
  const commitment = found;
  const now = new Date();
  const data = {
    statusId: input.content.statusId,
    progress: input.content.progress,
    narrative: input.content.narrative,
    reportingPeriod: input.content.reportingPeriod ?? null,
    updatedById: actor.id,
    ...(options.submit ? { reviewState: "SUBMITTED" as const, submittedAt: now } : {}),
  };

  try {
    if (!input.updateId) return await createUpdate(actor, commitment.id, input.content, data, options.submit);
    return await db.$transaction(async (tx) => {
      if (input.expectedVersion === undefined) {
        throw new DomainError("BAD_REQUEST", "expectedVersion is required to change a draft.");
      }
      const before = await tx.progressUpdate.findFirst({
        where: { AND: [{ id: input.updateId, commitmentId: commitment.id }, updateScope(actor)] },
        select: { ...updateAuditSelect, updatedById: true, updatedAt: true },
      });
      if (!before) throw new DomainError("NOT_FOUND", "Update not found.");
      if (before.version !== input.expectedVersion) throw await conflict(tx, "update", before);
      assertTransition(before.reviewState, options.submit ? "submit" : "edit");

      const { count } = await tx.progressUpdate.updateMany({
        where: { id: before.id, version: input.expectedVersion, reviewState: "DRAFT" },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) {
        throw await conflict(tx, "update", await tx.progressUpdate.findUnique({ where: { id: before.id }, select: { updatedById: true, updatedAt: true } }));
      }
      await tx.evidenceLink.deleteMany({ where: { updateId: before.id } });
      await tx.evidenceLink.createMany({ data: evidenceRows(input.content).map((row) => ({ ...row, updateId: before.id })) });
      const after = await tx.progressUpdate.findUniqueOrThrow({ where: { id: before.id }, select: updateAuditSelect });
      const { updatedById: _by, updatedAt: _at, ...beforeAudit } = before;
      await recordAudit(tx, actor, {
        action: options.submit ? "update.submitted" : "update.draft_saved",
        entityType: "ProgressUpdate",
        entityId: before.id,
        before: beforeAudit,
        after,
      });
      return { id: after.id, reviewState: after.reviewState, version: after.version };
    });
  } catch (error) {
    // Two first drafts racing: the partial unique index lets only one in.
    if (isOpenUpdateClash(error)) {
      const open = await db.progressUpdate.findFirst({
        where: { commitmentId: commitment.id, reviewState: { in: ["DRAFT", "SUBMITTED"] } },
        select: { reviewState: true, updatedById: true, updatedAt: true },
      });
      throw await openUpdateExists(db, open);
    }
    throw error;
  }
}

async function openUpdateExists(client: Tx | typeof db, open: { reviewState: ReviewState; updatedById: string | null; updatedAt: Date } | null) {
  const base = await conflict(client, "commitment", open);
  return new DomainError(
    "CONFLICT",
    `This commitment already has an update ${open?.reviewState === "SUBMITTED" ? "waiting for review" : "in draft"}, last changed by ${base.details?.conflict?.changedBy ?? "someone else"} at ${base.details?.conflict?.changedAt}. Reload to continue it.`,
    base.details,
  );
}

/** Submits the actor's State's draft as it is, based on `expectedVersion`. */
export async function submitUpdate(actor: Actor, input: TUpdateRef) {
  assertReporter(actor);
  return db.$transaction(async (tx) => {
    const before = await loadUpdateForChange(tx, actor, input.updateId);
    if (before.version !== input.expectedVersion) throw await conflict(tx, "update", before);
    assertTransition(before.reviewState, "submit");
    const { count } = await tx.progressUpdate.updateMany({
      where: { id: before.id, version: input.expectedVersion, reviewState: "DRAFT" },
      data: { reviewState: "SUBMITTED", submittedAt: new Date(), updatedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw await conflict(tx, "update", await tx.progressUpdate.findUnique({ where: { id: before.id }, select: { updatedById: true, updatedAt: true } }));
    await recordAudit(tx, actor, {
      action: "update.submitted",
      entityType: "ProgressUpdate",
      entityId: before.id,
      before: { reviewState: before.reviewState, version: before.version },
      after: { reviewState: "SUBMITTED", version: before.version + 1 },
    });
    return { id: before.id, reviewState: "SUBMITTED" as const, version: before.version + 1 };
  });
}

/** Deletes the actor's State's draft (a submitted update cannot be withdrawn). */
export async function deleteDraft(actor: Actor, input: TUpdateRef) {
  assertReporter(actor);
  return db.$transaction(async (tx) => {
    const before = await loadUpdateForChange(tx, actor, input.updateId);
    if (before.version !== input.expectedVersion) throw await conflict(tx, "update", before);
    assertTransition(before.reviewState, "delete");
    const snapshot = await tx.progressUpdate.findUniqueOrThrow({ where: { id: before.id }, select: updateAuditSelect });
    await tx.evidenceLink.deleteMany({ where: { updateId: before.id } });
    const { count } = await tx.progressUpdate.deleteMany({ where: { id: before.id, version: input.expectedVersion, reviewState: "DRAFT" } });
    if (count === 0) throw await conflict(tx, "update", before);
    await recordAudit(tx, actor, { action: "update.draft_deleted", entityType: "ProgressUpdate", entityId: before.id, before: snapshot });
    return { id: before.id, deleted: true };
  });
}

async function loadUpdateForChange(tx: Tx | typeof db, actor: Actor, updateId: string) {
  const update = await tx.progressUpdate.findFirst({
    where: { AND: [{ id: updateId }, updateScope(actor)] },
    select: { id: true, reviewState: true, version: true, updatedById: true, updatedAt: true, commitmentId: true, statusId: true, progress: true },
  });
  if (!update) throw new DomainError("NOT_FOUND", "Update not found.");
  return update;
}

/** Why a version-checked change of an update matched no row: NOT_FOUND, CONFLICT or a refused transition. */
async function refusalOf(actor: Actor, updateId: string, expectedVersion: number, transition: UpdateTransition): Promise<DomainError> {
  try {
    const update = await loadUpdateForChange(db, actor, updateId);
    if (update.version !== expectedVersion) return await conflict(db, "update", update);
    assertTransition(update.reviewState, transition);
    // It matched meanwhile and was changed again since: someone else got there first.
    return await conflict(db, "update", update);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/**
 * Accepts a submitted update: the commitment's accepted status, progress and date take its
 * values. One statement on the normal path (version-checked update, the commitment with its
 * previous values locked and returned, the status history, both audit rows), atomic without a
 * transaction block; when it matches nothing, a second read says why.
 */
export async function acceptUpdate(actor: Actor, input: TAcceptUpdateInput) {
  assertReviewer(actor);
  const now = new Date();
  const who = auditActor(actor);
  const comment = input.comment || null;
  const [accepted] = await readRows<{ id: string; version: number }>(Prisma.sql`
    WITH accepted AS (
      UPDATE "ProgressUpdate"
      SET "reviewState" = 'ACCEPTED', "reviewerId" = ${actor.id}::uuid, "reviewedAt" = ${now}, "reviewComment" = ${comment},
          "updatedById" = ${actor.id}::uuid, version = version + 1, "updatedAt" = ${now}
      WHERE id = ${input.updateId}::uuid AND version = ${input.expectedVersion} AND "reviewState" = 'SUBMITTED'
      RETURNING id, "commitmentId", "statusId", progress, version
    ), commitment AS (
      UPDATE "Commitment" c
      SET "acceptedStatusId" = old.new_status, "acceptedProgress" = old.new_progress, "acceptedAt" = ${now},
          "updatedById" = ${actor.id}::uuid, version = c.version + 1, "updatedAt" = ${now}
      FROM (
        SELECT x.id, x."acceptedStatusId", x."acceptedProgress", x."acceptedAt", x.version,
               accepted."statusId" AS new_status, accepted.progress AS new_progress, accepted.id AS update_id
        FROM "Commitment" x JOIN accepted ON accepted."commitmentId" = x.id
        FOR UPDATE OF x
      ) old
      WHERE c.id = old.id
      RETURNING old.*
    ), history AS (
      INSERT INTO "CommitmentStatusChange" (id, "commitmentId", "statusId", progress, "effectiveAt", "updateId", "changedById")
      SELECT ${uuidv7()}::uuid, accepted."commitmentId", accepted."statusId", accepted.progress, ${now}, accepted.id, ${actor.id}::uuid FROM accepted
    ), audit AS (
      INSERT INTO "AuditEvent" ("actorId", "actorEmail", "actorRole", "actorStateId", "requestId", action, "entityType", "entityId", before, after)
      SELECT ${who.actorId}::uuid, ${who.actorEmail}, ${who.actorRole}, ${who.actorStateId}::uuid, ${who.requestId},
             'update.accepted', 'ProgressUpdate', accepted.id::text, '{"reviewState":"SUBMITTED"}'::jsonb,
             jsonb_build_object('reviewState', 'ACCEPTED', 'comment', ${comment}::text)
      FROM accepted
      UNION ALL
      SELECT ${who.actorId}::uuid, ${who.actorEmail}, ${who.actorRole}, ${who.actorStateId}::uuid, ${who.requestId},
             'commitment.status_accepted', 'Commitment', commitment.id::text,
             jsonb_build_object('acceptedStatusId', commitment."acceptedStatusId", 'acceptedProgress', commitment."acceptedProgress",
                                'acceptedAt', ${sqlIsoTime(Prisma.sql`commitment."acceptedAt"`)}, 'version', commitment.version),
             jsonb_build_object('acceptedStatusId', commitment.new_status, 'acceptedProgress', commitment.new_progress,
                                'acceptedAt', ${now.toISOString()}::text, 'version', commitment.version + 1, 'updateId', commitment.update_id)
      FROM commitment
    )
    SELECT id, version FROM accepted`);
  if (!accepted) throw await refusalOf(actor, input.updateId, input.expectedVersion, "accept");
  return { id: accepted.id, reviewState: "ACCEPTED" as const, version: accepted.version };
}

/** Returns a submitted update to its State with a required comment. */
export async function returnUpdate(actor: Actor, input: TReturnUpdateInput) {
  assertReviewer(actor);
  return db.$transaction(async (tx) => {
    const update = await loadUpdateForChange(tx, actor, input.updateId);
    if (update.version !== input.expectedVersion) throw await conflict(tx, "update", update);
    assertTransition(update.reviewState, "return");
    const { count } = await tx.progressUpdate.updateMany({
      where: { id: update.id, version: input.expectedVersion, reviewState: "SUBMITTED" },
      data: { reviewState: "RETURNED", reviewerId: actor.id, reviewedAt: new Date(), reviewComment: input.comment, updatedById: actor.id, version: { increment: 1 } },
    });
    if (count === 0) throw await conflict(tx, "update", await tx.progressUpdate.findUnique({ where: { id: update.id }, select: { updatedById: true, updatedAt: true } }));
    await recordAudit(tx, actor, {
      action: "update.returned",
      entityType: "ProgressUpdate",
      entityId: update.id,
      before: { reviewState: "SUBMITTED" },
      after: { reviewState: "RETURNED", comment: input.comment },
    });
    return { id: update.id, reviewState: "RETURNED" as const, version: update.version + 1 };
  });
}

/** Submitted updates waiting for review, oldest first, keyset-paged by (submittedAt, id). */
export async function listReviewQueue(
  actor: Actor,
  input: { stateId?: string; sourceId?: string; cursor?: string | null; limit: number },
) {
  assertReviewer(actor);
  const cursorRow = input.cursor
    ? await db.progressUpdate.findFirst({ where: { id: input.cursor, reviewState: "SUBMITTED" }, select: { id: true, submittedAt: true } })
    : null;
  const filters: Prisma.ProgressUpdateWhereInput[] = [{ reviewState: "SUBMITTED" }];
  if (input.stateId) filters.push({ commitment: { stateId: input.stateId } });
  if (input.sourceId) filters.push({ commitment: { recommendation: { sourceId: input.sourceId } } });
  if (cursorRow?.submittedAt) {
    filters.push({ OR: [{ submittedAt: { gt: cursorRow.submittedAt } }, { submittedAt: cursorRow.submittedAt, id: { gt: cursorRow.id } }] });
  }
  const rows = await db.progressUpdate.findMany({
    where: { AND: filters },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      id: true,
      version: true,
      submittedAt: true,
      progress: true,
      narrative: true,
      status: { select: { key: true, label: true } },
      author: { select: { name: true } },
      commitment: {
        select: {
          id: true,
          state: { select: { id: true, name: true, iso2: true } },
          recommendation: { select: { reference: true, text: true, source: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ author, ...row }) => ({ ...row, authorName: author.name })),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
