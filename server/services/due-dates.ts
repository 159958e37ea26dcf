import "server-only";
import { db } from "@/server/db/client";
import { recordAudit, recordAuditMany } from "@/server/services/audit";
import { staleVersionError } from "@/server/services/core/conflict";
import { startOfDayUtc } from "@/server/services/core/dates";
import { assertSecretariat } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { DomainError } from "@/server/services/errors";
import type { TSetRecommendationDueDateInput } from "@/server/schemas/commitments";

/**
 * Sets one due date (null: none) on a published recommendation and on every one of its
 * commitments, in one transaction: the recommendation's version is checked, every commitment's
 * version moves (an edit of one of them opened before is then refused as stale), and each
 * commitment gets its audit event beside the recommendation's.
 */
export async function setRecommendationDueDate(actor: ServiceActor, input: TSetRecommendationDueDateInput) {
  assertSecretariat(actor);
  const dueDate = input.dueDate ? startOfDayUtc(input.dueDate) : null;
  const updatedById = actor.kind === "user" ? actor.id : null;
  return db.$transaction(async (tx) => {
    const before = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true, publication: true, dueDate: true } });
    if (!before) throw new DomainError("NOT_FOUND", "notFound.recommendation");
    if (before.publication !== "PUBLISHED") throw new DomainError("BAD_REQUEST", "dueDates.draftHasNoCommitments");
    const { count } = await tx.recommendation.updateMany({
      where: { id: before.id, version: input.expectedVersion },
      data: { dueDate, version: { increment: 1 } },
    });
    if (count === 0) throw await staleVersionError(tx, "Recommendation", before.id);
    const commitments = await tx.commitment.findMany({ where: { recommendationId: before.id }, select: { id: true, dueDate: true }, orderBy: { id: "asc" } });
    await tx.commitment.updateMany({ where: { recommendationId: before.id }, data: { dueDate, version: { increment: 1 }, updatedById } });
    await recordAuditMany(
      tx,
      actor,
      commitments.map((commitment) => ({
        action: "commitment.due_date_set",
        entityType: "Commitment",
        entityId: commitment.id,
        before: { dueDate: commitment.dueDate },
        after: { dueDate },
      })),
    );
    await recordAudit(tx, actor, {
      action: "recommendation.due_date_set",
      entityType: "Recommendation",
      entityId: before.id,
      before: { dueDate: before.dueDate, version: input.expectedVersion },
      after: { dueDate, commitments: commitments.length },
    });
    return { id: before.id, version: input.expectedVersion + 1, commitments: commitments.length };
  });
}
