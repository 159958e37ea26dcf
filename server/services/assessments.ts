import "server-only";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { findCommitmentInScope } from "@/server/services/commitments";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { rowChange, staleEditError } from "@/server/services/core/conflict";
import { startOfDayUtc } from "@/server/services/core/dates";
import type { TRecordAssessmentInput, TSetDueDateInput } from "@/server/schemas/commitments";

async function staleCommitment(commitmentId: string) {
  const row = await db.commitment.findUnique({ where: { id: commitmentId }, select: { updatedById: true, updatedAt: true } });
  return staleEditError(db, "commitment", rowChange(row));
}

/** Records the secretariat's independent rating of a commitment, kept beside the State's status. */
export async function recordAssessment(actor: Actor, input: TRecordAssessmentInput) {
  if (!isSecretariat(actor)) throw new DomainError("FORBIDDEN", "access.recordAssessments");
  const commitment = await findCommitmentInScope(actor, input.commitmentId, {
    id: true,
    version: true,
    recommendation: { select: { scaleId: true } },
  });
  const status = await db.scaleStatus.findFirst({ where: { id: input.statusId, scaleId: commitment.recommendation.scaleId }, select: { id: true } });
  if (!status) {
    throw new DomainError("BAD_REQUEST", "updates.chooseStatus", { fieldErrors: { statusId: [validationMessage("updates.chooseStatus")] } });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.commitment.updateMany({
      where: { id: commitment.id, version: input.expectedVersion },
      data: { version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw await staleCommitment(commitment.id);
    const assessment = await tx.assessment.create({
      data: { commitmentId: commitment.id, statusId: input.statusId, rationale: input.rationale, isPublic: input.isPublic, assessorId: actor.id },
      select: { id: true, statusId: true, rationale: true, isPublic: true, createdAt: true },
    });
    await recordAudit(tx, actor, { action: "assessment.recorded", entityType: "Assessment", entityId: assessment.id, after: { ...assessment, commitmentId: commitment.id } });
    return { id: assessment.id, commitmentVersion: input.expectedVersion + 1 };
  });
}

/** Sets a commitment's own due date (null: none), version-checked. */
export async function setCommitmentDueDate(actor: Actor, input: TSetDueDateInput) {
  if (!isSecretariat(actor)) throw new DomainError("FORBIDDEN", "access.changeDueDates");
  const commitment = await findCommitmentInScope(actor, input.commitmentId, { id: true, dueDate: true });
  const dueDate = input.dueDate ? startOfDayUtc(input.dueDate) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.commitment.updateMany({
      where: { id: commitment.id, version: input.expectedVersion },
      data: { dueDate, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw await staleCommitment(commitment.id);
    await recordAudit(tx, actor, {
      action: "commitment.due_date_set",
      entityType: "Commitment",
      entityId: commitment.id,
      before: { dueDate: commitment.dueDate },
      after: { dueDate },
    });
    return { id: commitment.id, version: input.expectedVersion + 1 };
  });
}
