import "server-only";
import type { Prisma } from "@/prisma/generated/client";
import type { Tx } from "@/server/db/client";
import { db } from "@/server/db/client";
import { recordAudit, recordAuditMany } from "@/server/services/audit";
import { staleVersionError } from "@/server/services/core/conflict";
import { assertSecretariat } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { DomainError } from "@/server/services/errors";
import { resolveStateIds } from "@/server/services/recommendations/drafting";
import type { TAddAddresseesInput, TPublishRecommendationInput } from "@/server/schemas/recommendations";
import type { TPublishSourceDraftsInput } from "@/server/schemas/sources";

// Publishing: a draft becomes final and every addressed State gets its commitment (the fan-out),
// in one transaction; States addressed later get theirs at once.

/**
 * Creates the missing commitments of a published recommendation, set-based: one INSERT for the
 * commitments and one for their initial status rows (the start of "status as of date D"), and one
 * for their audit events. Every State addressed (all participating States when so marked, plus
 * the chosen ones) that has no commitment yet gets one, voluntary for Partners for Co-operation.
 */
async function createMissingCommitments(
  tx: Tx,
  actor: ServiceActor,
  recommendation: { id: string; scaleId: string; dueDate: Date | null; addressAllParticipating: boolean },
  effectiveAt: Date,
) {
  const firstStatus = await tx.scaleStatus.findFirst({
    where: { scaleId: recommendation.scaleId },
    orderBy: { position: "asc" },
    select: { id: true, defaultProgress: true },
  });
  if (!firstStatus) throw new DomainError("BAD_REQUEST", "recommendations.noStatuses");

  const addressed: Prisma.StateWhereInput[] = [{ addressedBy: { some: { recommendationId: recommendation.id } } }];
  if (recommendation.addressAllParticipating) addressed.push({ kind: "PARTICIPATING" });
  const states = await tx.state.findMany({
    where: { OR: addressed, commitments: { none: { recommendationId: recommendation.id } } },
    select: { id: true, kind: true },
    orderBy: { name: "asc" },
  });
  if (states.length === 0) return [];

  const commitments = await tx.commitment.createManyAndReturn({
    data: states.map((state) => ({
      recommendationId: recommendation.id,
      stateId: state.id,
      voluntary: state.kind === "PARTNER",
      acceptedStatusId: firstStatus.id,
      acceptedProgress: firstStatus.defaultProgress,
      dueDate: recommendation.dueDate,
    })),
    // The (recommendationId, stateId) unique index is the last word if two requests race.
    skipDuplicates: true,
    select: { id: true, stateId: true, voluntary: true, acceptedStatusId: true, acceptedProgress: true, dueDate: true },
  });
  const changedById = actor.kind === "user" ? actor.id : null;
  await tx.commitmentStatusChange.createMany({
    data: commitments.map((commitment) => ({
      commitmentId: commitment.id,
      statusId: firstStatus.id,
      progress: firstStatus.defaultProgress,
      effectiveAt,
      updateId: null,
      changedById,
    })),
  });
  await recordAuditMany(
    tx,
    actor,
    commitments.map((commitment) => ({
      action: "commitment.created",
      entityType: "Commitment",
      entityId: commitment.id,
      after: { recommendationId: recommendation.id, ...commitment },
    })),
  );
  return commitments;
}

/**
 * Publishes one draft inside the caller's transaction and creates its commitments. A
 * recommendation already published changes nothing and answers `created: 0`.
 */
async function publishDraft(tx: Tx, actor: ServiceActor, recommendationId: string, expectedVersion: number, publishedAt: Date) {
  const { count } = await tx.recommendation.updateMany({
    where: { id: recommendationId, version: expectedVersion, publication: "DRAFT" },
    data: { publication: "PUBLISHED", publishedAt, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { publication: true } });
    if (!current) throw new DomainError("NOT_FOUND", "notFound.recommendation");
    if (current.publication === "PUBLISHED") {
      return { created: 0, total: await tx.commitment.count({ where: { recommendationId } }) };
    }
    throw await staleVersionError(tx, "Recommendation", recommendationId);
  }
  const recommendation = await tx.recommendation.findUniqueOrThrow({
    where: { id: recommendationId },
    select: { id: true, scaleId: true, dueDate: true, addressAllParticipating: true },
  });
  const commitments = await createMissingCommitments(tx, actor, recommendation, publishedAt);
  await recordAudit(tx, actor, {
    action: "recommendation.published",
    entityType: "Recommendation",
    entityId: recommendation.id,
    before: { publication: "DRAFT", version: expectedVersion },
    after: { publication: "PUBLISHED", publishedAt, created: commitments.length, stateIds: commitments.map((c) => c.stateId) },
  });
  const total = await tx.commitment.count({ where: { recommendationId: recommendation.id } });
  return { created: commitments.length, total };
}

/**
 * Publishes a draft and creates every addressed State's commitment, all in one transaction.
 * Publishing a recommendation that is already published changes nothing and answers
 * `{ created: 0 }` (a repeated click or a re-run seed is harmless). `actor` null is the system.
 */
export async function publishRecommendation(actor: ServiceActor, input: TPublishRecommendationInput) {
  assertSecretariat(actor);
  return db.$transaction((tx) => publishDraft(tx, actor, input.recommendationId, input.expectedVersion, new Date()));
}

/**
 * Publishes every draft of a source in one transaction, each as `publishRecommendation` does
 * (its commitments, its audit events), plus one event on the source with the counts. When one
 * draft cannot be published nothing is: the refusal names it.
 */
export async function publishSourceDrafts(actor: ServiceActor, input: TPublishSourceDraftsInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
    if (!source) throw new DomainError("NOT_FOUND", "notFound.source");
    const drafts = await tx.recommendation.findMany({
      where: { sourceId: source.id, publication: "DRAFT" },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
      select: { id: true, reference: true, version: true },
    });
    const publishedAt = new Date();
    let created = 0;
    for (const draft of drafts) {
      const result = await publishDraft(tx, actor, draft.id, draft.version, publishedAt).catch((error: unknown) => {
        throw draftRefusal(error, draft.reference);
      });
      created += result.created;
    }
    await recordAudit(tx, actor, {
      action: "source.drafts_published",
      entityType: "Source",
      entityId: source.id,
      after: { published: drafts.length, created, recommendationIds: drafts.map((draft) => draft.id) },
    });
    return { published: drafts.length, created };
  });
}

/** A draft's refusal during a whole-source publication, naming the draft (a conflict stays one). */
function draftRefusal(error: unknown, reference: string) {
  if (!(error instanceof DomainError) || error.code !== "BAD_REQUEST") return error;
  return new DomainError("BAD_REQUEST", { key: "sources.draftNotPublished", values: { reference } });
}

/**
 * Addresses more States. On a published recommendation each new State gets its commitment at
 * once, in the same transaction; States already addressed are left as they are.
 */
export async function addAddressees(actor: ServiceActor, input: TAddAddresseesInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const stateIds = await resolveStateIds(tx, input.stateIds, "stateIds");
    const { count } = await tx.recommendation.updateMany({
      where: { id: input.recommendationId, version: input.expectedVersion },
      data: { version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true } });
      if (!exists) throw new DomainError("NOT_FOUND", "notFound.recommendation");
      throw await staleVersionError(tx, "Recommendation", input.recommendationId);
    }
    const recommendation = await tx.recommendation.findUniqueOrThrow({
      where: { id: input.recommendationId },
      select: { id: true, publication: true, scaleId: true, dueDate: true, addressAllParticipating: true },
    });
    const { count: added } = await tx.recommendationAddressee.createMany({
      data: stateIds.map((stateId) => ({ recommendationId: recommendation.id, stateId })),
      skipDuplicates: true,
    });
    const commitments =
      recommendation.publication === "PUBLISHED" ? await createMissingCommitments(tx, actor, recommendation, new Date()) : [];
    await recordAudit(tx, actor, {
      action: "recommendation.addressees_added",
      entityType: "Recommendation",
      entityId: recommendation.id,
      after: { stateIds, added, created: commitments.length, createdStateIds: commitments.map((c) => c.stateId) },
    });
    return { created: commitments.length };
  });
}
