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

/** What a stale edit's message names: "This update was changed…". */
export type ChangedRecord = "update" | "commitment" | "account" | "recommendation" | "source" | "scale" | "theme";
/** The sentence after the time: reload (the default), reload it after opening it, reload it, or reload keeping the text. */
export type ConflictAdvice = "reload" | "reopen" | "reloadIt" | "keepText";

/** Whoever made a change: the person's name (null in `changedBy`), "the system", or someone unknown. */
async function changedBy(client: Tx | Db, change: LastChange | null): Promise<{ name: string | null; who: "person" | "system" | "unknown" }> {
  if (!change?.by) return { name: null, who: "unknown" };
  if (change.by === "system") return { name: "the system", who: "system" };
  const user = await client.user.findUnique({ where: { id: change.by.userId }, select: { name: true } });
  return user ? { name: user.name, who: "person" } : { name: null, who: "unknown" };
}

/** Who and when of a stale edit, as the conflict messages take them ("who": person, system or unknown). */
export async function conflictValues(client: Tx | Db, change: LastChange | null) {
  const { name, who } = await changedBy(client, change);
  const time = (change?.at ?? new Date()).toISOString();
  return { values: { who, name: name ?? "", time }, conflict: { changedBy: name, changedAt: time } };
}

/**
 * The CONFLICT for a stale edit of "this `what`": "This update was changed by Ana Novak at
 * 2026-…Z. Reload to see the latest version." `then` chooses the sentence after the time.
 * `change` null (the row vanished meanwhile) says "someone else" and now.
 */
export async function staleEditError(client: Tx | Db, what: ChangedRecord, change: LastChange | null, then: ConflictAdvice = "reload"): Promise<DomainError> {
  const { values, conflict } = await conflictValues(client, change);
  return new DomainError("CONFLICT", { key: "conflict.changed", values: { ...values, what, then } }, { conflict });
}

/**
 * The CONFLICT for a stale `expectedVersion` of an audited entity (a source, a recommendation, a status scale, a theme):
 * who changed it last and when, from the audit trail.
 */
const VERSIONED_RECORDS = { Source: "source", Recommendation: "recommendation", StatusScale: "scale", Theme: "theme" } as const satisfies Record<string, ChangedRecord>;

export async function staleVersionError(client: Tx | Db, entityType: keyof typeof VERSIONED_RECORDS, entityId: string): Promise<DomainError> {
  const what = VERSIONED_RECORDS[entityType];
  return staleEditError(client, what, await lastAuditedChange(client, entityType, entityId), "reopen");
}
