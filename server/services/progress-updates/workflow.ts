import "server-only";
import type { Prisma } from "@/prisma/generated/client";
import type { ReviewState } from "@/prisma/generated/enums";
import { db, type Tx } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { updateScope } from "@/server/services/access";
import { rowChange, staleEditError } from "@/server/services/core/conflict";
import { DomainError } from "@/server/services/errors";

// The review workflow of a progress update:
//   DRAFT --submit--> SUBMITTED --accept--> ACCEPTED (the commitment takes its status)
//                               --return--> RETURNED (the focal point starts a revised draft)
// A focal point may edit or delete only a DRAFT; a SUBMITTED update is locked until reviewed.
// Every change of an update is one of these transitions, and every one is applied by a write
// guarded by the state it starts from (and the version the client read): the guard is the rule,
// and when it matches nothing `refusalOf` says why.

export type { ReviewState };

/** Each transition: the state it starts from and the state it leads to (null: the update is deleted). */
export const TRANSITIONS = {
  edit: { from: "DRAFT", to: "DRAFT" },
  submit: { from: "DRAFT", to: "SUBMITTED" },
  delete: { from: "DRAFT", to: null },
  accept: { from: "SUBMITTED", to: "ACCEPTED" },
  return: { from: "SUBMITTED", to: "RETURNED" },
} as const satisfies Record<string, { from: ReviewState; to: ReviewState | null }>;

export type UpdateTransition = keyof typeof TRANSITIONS;

/** Which update a transition applies to: the version the client read, and the commitment when the client named it. */
export type UpdateRef = { updateId: string; expectedVersion: number; commitmentId?: string };

/** The CONFLICT for a stale change of an update (or of a commitment's open update): who changed it, by name, and when. */
export function staleUpdateError(client: Tx | typeof db, what: "update" | "commitment", row: { updatedById: string | null; updatedAt: Date } | null) {
  return staleEditError(client, what, rowChange(row), "keepText");
}

/**
 * Applies a transition to an update in the actor's scope inside `tx`: one write guarded by the id,
 * the expected version and the state the transition starts from, setting the state it leads to
 * (or deleting the update) along with `data` and a new version. When the guard matches nothing,
 * throws why: NOT_FOUND, CONFLICT or BAD_REQUEST (a transition not allowed from its state).
 */
export async function applyTransition(
  tx: Tx,
  actor: Actor,
  transition: UpdateTransition,
  ref: UpdateRef,
  data: Prisma.ProgressUpdateUncheckedUpdateManyInput = {},
): Promise<void> {
  const rule = TRANSITIONS[transition];
  const where: Prisma.ProgressUpdateWhereInput = {
    AND: [{ id: ref.updateId, version: ref.expectedVersion, reviewState: rule.from, ...(ref.commitmentId ? { commitmentId: ref.commitmentId } : {}) }, updateScope(actor)],
  };
  const { count } =
    rule.to === null
      ? await tx.progressUpdate.deleteMany({ where })
      : await tx.progressUpdate.updateMany({ where, data: { ...data, reviewState: rule.to, version: { increment: 1 } } });
  if (count === 0) throw await refusalOf(tx, actor, transition, ref);
}

/** Why a guarded transition of an update matched no row: NOT_FOUND, CONFLICT or a refused transition. */
export async function refusalOf(client: Tx | typeof db, actor: Actor, transition: UpdateTransition, ref: UpdateRef): Promise<DomainError> {
  const update = await client.progressUpdate.findFirst({
    where: { AND: [{ id: ref.updateId, ...(ref.commitmentId ? { commitmentId: ref.commitmentId } : {}) }, updateScope(actor)] },
    select: { reviewState: true, version: true, updatedById: true, updatedAt: true },
  });
  if (!update) return new DomainError("NOT_FOUND", "notFound.update");
  if (update.version === ref.expectedVersion && update.reviewState !== TRANSITIONS[transition].from) {
    return new DomainError("BAD_REQUEST", { key: "updates.refused", values: { transition, state: update.reviewState } });
  }
  // Changed since the client read it (or again since the write looked): someone else got there first.
  return staleUpdateError(client, "update", update);
}
