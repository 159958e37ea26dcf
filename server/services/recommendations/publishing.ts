import "server-only";
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

type Publishable = { id: string; scaleId: string; dueDate: Date | null; addressAllParticipating: boolean };

// Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement.
const ROWS_PER_INSERT = 2_000;

function chunks<T>(rows: T[]): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) parts.push(rows.slice(start, start + ROWS_PER_INSERT));
  return parts;
}

/**
 * Creates the missing commitments of published recommendations, set-based whatever their number:
 * a few reads, then INSERTs of the commitments, their initial status rows (the start of "status as
 * of date D") and their audit events. Every State addressed (all participating States when so
 * marked, plus the chosen ones) that has no commitment yet gets one, voluntary for Partners for
 * Co-operation, at the first status of the recommendation's scale. `refusal` words the error of a
 * recommendation whose scale has no status.
 */
async function createMissingCommitments(
  tx: Tx,
  actor: ServiceActor,
  recommendations: Publishable[],
  effectiveAt: Date,
  refusal: (recommendationId: string) => DomainError = () => new DomainError("BAD_REQUEST", "recommendations.noStatuses"),
) {
  if (recommendations.length === 0) return [];
  const ids = recommendations.map((recommendation) => recommendation.id);
  const statuses = await tx.scaleStatus.findMany({
    where: { scaleId: { in: [...new Set(recommendations.map((recommendation) => recommendation.scaleId))] } },
    orderBy: [{ scaleId: "asc" }, { position: "asc" }],
    select: { id: true, scaleId: true, defaultProgress: true },
  });
  const firstStatus = new Map<string, { id: string; defaultProgress: number }>();
  for (const status of statuses) if (!firstStatus.has(status.scaleId)) firstStatus.set(status.scaleId, status);
  const withoutStatus = recommendations.find((recommendation) => !firstStatus.has(recommendation.scaleId));
  if (withoutStatus) throw refusal(withoutStatus.id);

  const stateSelect = { id: true, kind: true, name: true } as const;
  const [chosen, participating, existing] = await Promise.all([
    tx.recommendationAddressee.findMany({ where: { recommendationId: { in: ids } }, select: { recommendationId: true, state: { select: stateSelect } } }),
    recommendations.some((recommendation) => recommendation.addressAllParticipating)
      ? tx.state.findMany({ where: { kind: "PARTICIPATING" }, select: stateSelect })
      : Promise.resolve([]),
    tx.commitment.findMany({ where: { recommendationId: { in: ids } }, select: { recommendationId: true, stateId: true } }),
  ]);
  const has = new Set(existing.map((commitment) => `${commitment.recommendationId} ${commitment.stateId}`));
  const data = recommendations.flatMap((recommendation) => {
    const states = new Map<string, { id: string; kind: string; name: string }>();
    if (recommendation.addressAllParticipating) for (const state of participating) states.set(state.id, state);
    for (const row of chosen) if (row.recommendationId === recommendation.id) states.set(row.state.id, row.state);
    const status = firstStatus.get(recommendation.scaleId)!;
    return [...states.values()]
      .filter((state) => !has.has(`${recommendation.id} ${state.id}`))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((state) => ({
        recommendationId: recommendation.id,
        stateId: state.id,
        voluntary: state.kind === "PARTNER",
        acceptedStatusId: status.id,
        acceptedProgress: status.defaultProgress,
        dueDate: recommendation.dueDate,
      }));
  });

  const commitments = [];
  for (const part of chunks(data)) {
    commitments.push(
      ...(await tx.commitment.createManyAndReturn({
        data: part,
        // The (recommendationId, stateId) unique index is the last word if two requests race.
        skipDuplicates: true,
        select: { id: true, recommendationId: true, stateId: true, voluntary: true, acceptedStatusId: true, acceptedProgress: true, dueDate: true },
      })),
    );
  }
  const changedById = actor.kind === "user" ? actor.id : null;
  for (const part of chunks(commitments)) {
    await tx.commitmentStatusChange.createMany({
      data: part.map((commitment) => ({
        commitmentId: commitment.id,
        statusId: commitment.acceptedStatusId,
        progress: commitment.acceptedProgress,
        effectiveAt,
        updateId: null,
        changedById,
      })),
    });
    await recordAuditMany(
      tx,
      actor,
      part.map((commitment) => ({ action: "commitment.created", entityType: "Commitment", entityId: commitment.id, after: commitment })),
    );
  }
  return commitments;
}

/**
 * Publishes drafts inside the caller's transaction, each at the version given, and creates their
 * commitments; the recommendations that were published are answered, each with the number of
 * commitments created. A recommendation already published is left as it is (a repeated click is
 * harmless); one changed since it was read is a CONFLICT, and a missing one NOT_FOUND.
 */
async function publishDrafts(
  tx: Tx,
  actor: ServiceActor,
  drafts: { id: string; version: number }[],
  options: { refusal?: (recommendationId: string) => DomainError; publishedAt: Date },
) {
  const { refusal, publishedAt } = options;
  const published: Publishable[] = [];
  for (const part of chunks(drafts)) {
    published.push(
      ...(await tx.recommendation.updateManyAndReturn({
        where: { publication: "DRAFT", OR: part.map((draft) => ({ id: draft.id, version: draft.version })) },
        data: { publication: "PUBLISHED", publishedAt, version: { increment: 1 } },
        select: { id: true, scaleId: true, dueDate: true, addressAllParticipating: true },
      })),
    );
  }
  if (published.length < drafts.length) {
    const done = new Set(published.map((recommendation) => recommendation.id));
    const others = drafts.filter((draft) => !done.has(draft.id));
    const current = await tx.recommendation.findMany({ where: { id: { in: others.map((draft) => draft.id) } }, select: { id: true, publication: true } });
    for (const draft of others) {
      const row = current.find((item) => item.id === draft.id);
      if (!row) throw new DomainError("NOT_FOUND", "notFound.recommendation");
      if (row.publication === "DRAFT") throw await staleVersionError(tx, "Recommendation", draft.id);
    }
  }
  const commitments = await createMissingCommitments(tx, actor, published, publishedAt, refusal);
  const created = new Map<string, string[]>();
  for (const commitment of commitments) created.set(commitment.recommendationId, [...(created.get(commitment.recommendationId) ?? []), commitment.stateId]);
  const version = new Map(drafts.map((draft) => [draft.id, draft.version]));
  for (const part of chunks(published)) {
    await recordAuditMany(
      tx,
      actor,
      part.map((recommendation) => {
        const stateIds = created.get(recommendation.id) ?? [];
        return {
          action: "recommendation.published",
          entityType: "Recommendation",
          entityId: recommendation.id,
          before: { publication: "DRAFT", version: version.get(recommendation.id) },
          after: { publication: "PUBLISHED", publishedAt, created: stateIds.length, stateIds },
        };
      }),
    );
  }
  return published.map((recommendation) => ({ id: recommendation.id, created: created.get(recommendation.id)?.length ?? 0 }));
}

/**
 * Publishes a draft and creates every addressed State's commitment, all in one transaction.
 * Publishing a recommendation that is already published changes nothing and answers
 * `{ created: 0 }` (a repeated click or a re-run seed is harmless). `publishedAt` is now, except
 * for the demo history, which publishes on the source's date.
 */
export async function publishRecommendation(actor: ServiceActor, input: TPublishRecommendationInput, publishedAt = new Date()) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const [published] = await publishDrafts(tx, actor, [{ id: input.recommendationId, version: input.expectedVersion }], { publishedAt });
    const total = await tx.commitment.count({ where: { recommendationId: input.recommendationId } });
    return { created: published?.created ?? 0, total };
  });
}

/**
 * How long publishing a whole source may keep its transaction open. It writes thousands of rows at
 * once (an imported UPR list: hundreds of drafts, then each State's commitment, its status row and
 * the audit events), more than a request's usual transaction (TRANSACTION_TIMEOUT_MS) allows on a
 * busy server; each statement keeps its own limit (STATEMENT_TIMEOUT_MS).
 */
const SOURCE_PUBLISHING_TIMEOUT_MS = 60_000;

/**
 * Publishes every draft of a source in one transaction, each as `publishRecommendation` does
 * (its commitments, its audit events), plus one event on the source with the counts. When one
 * draft cannot be published nothing is: the refusal names it.
 */
export async function publishSourceDrafts(actor: ServiceActor, input: TPublishSourceDraftsInput, publishedAt = new Date()) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
    if (!source) throw new DomainError("NOT_FOUND", "notFound.source");
    const drafts = await tx.recommendation.findMany({
      where: { sourceId: source.id, publication: "DRAFT" },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
      select: { id: true, reference: true, version: true },
    });
    if (input.drafts !== undefined && input.drafts !== drafts.length) {
      throw new DomainError("CONFLICT", { key: "sources.draftsChanged", values: { count: drafts.length } });
    }
    const referenceOf = (id: string) => drafts.find((draft) => draft.id === id)?.reference ?? id;
    const refusal = (id: string) => new DomainError("BAD_REQUEST", { key: "sources.draftNotPublished", values: { reference: referenceOf(id) } });
    const published = await publishDrafts(tx, actor, drafts, { refusal, publishedAt });
    const created = published.reduce((sum, recommendation) => sum + recommendation.created, 0);
    await recordAudit(tx, actor, {
      action: "source.drafts_published",
      entityType: "Source",
      entityId: source.id,
      after: { published: published.length, created, recommendationIds: published.map((recommendation) => recommendation.id) },
    });
    return { published: published.length, created };
  }, { timeout: SOURCE_PUBLISHING_TIMEOUT_MS });
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
      recommendation.publication === "PUBLISHED" ? await createMissingCommitments(tx, actor, [recommendation], new Date()) : [];
    await recordAudit(tx, actor, {
      action: "recommendation.addressees_added",
      entityType: "Recommendation",
      entityId: recommendation.id,
      after: { stateIds, added, created: commitments.length, createdStateIds: commitments.map((c) => c.stateId) },
    });
    return { created: commitments.length };
  });
}
