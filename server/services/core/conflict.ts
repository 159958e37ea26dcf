// The refusal of a stale edit (a version or timestamp that moved since the client read it): a
// CONFLICT that says who changed the record and when, by the person's name. Nothing is
// overwritten; the client shows `details.conflict` and keeps what was typed.
import "server-only";
import type { Db, Tx } from "@/server/db/client";
import { DomainError } from "@/server/services/errors";

/** Who made the last change (a user's id, the system, or unknown) and when. */
export type LastChange = { by: { userId: string } | "system" | null; at: Date };

/** The last change of a row that records who changed it (`updatedById`) and when (`updatedAt`). */
export function rowChange(row: { updatedById: string | null; updatedAt: Date } | null): LastChange | null {
  return row ? { by: row.updatedById ? { userId: row.updatedById } : null, at: row.updatedAt } : null;
}

/**
 * The last audited change of an entity (every change writes its audit row in the same
 * transaction); with `since`, only a change after that time.
 */
export async function lastAuditedChange(client: Tx | Db, entityType: string, entityId: string, since?: Date): Promise<LastChange | null> {
  const last = await client.auditEvent.findFirst({
    where: { entityType, entityId, ...(since ? { createdAt: { gt: since } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { actorId: true, actorRole: true, createdAt: true },
  });
  if (!last) return null;
  return { by: last.actorId ? { userId: last.actorId } : last.actorRole === "SYSTEM" ? "system" : null, at: last.createdAt };
}

/** The name users see for whoever made a change: the person's name, "the system", or null. */
async function changedByName(client: Tx | Db, change: LastChange | null): Promise<string | null> {
  if (!change?.by) return null;
  if (change.by === "system") return "the system";
  const user = await client.user.findUnique({ where: { id: change.by.userId }, select: { name: true } });
  return user?.name ?? null;
}

/**
 * The CONFLICT for a stale edit of "this `what`": "This update was changed by Ana Novak at
 * 2026-…Z. Reload to see the latest version." `after` replaces the sentence after the time.
 * `change` null (the row vanished meanwhile) says "someone else" and now.
 */
export async function staleEditError(
  client: Tx | Db,
  what: string,
  change: LastChange | null,
  after = ". Reload to see the latest version.",
): Promise<DomainError> {
  const changedBy = await changedByName(client, change);
  const changedAt = (change?.at ?? new Date()).toISOString();
  return new DomainError("CONFLICT", `This ${what} was changed by ${changedBy ?? "someone else"} at ${changedAt}${after}`, {
    conflict: { changedBy, changedAt },
  });
}

/**
 * The CONFLICT for a stale `expectedVersion` of an audited entity (a source, a recommendation):
 * who changed it last and when, from the audit trail.
 */
export async function staleVersionError(client: Tx | Db, entityType: string, entityId: string, what = entityType.toLowerCase()): Promise<DomainError> {
  return staleEditError(client, what, await lastAuditedChange(client, entityType, entityId), " after you opened it. Reload it and try again.");
}
