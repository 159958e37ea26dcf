import "server-only";
import type { ServiceActor } from "@/server/services/core/system-actor";
import type { Prisma } from "@/prisma/generated/client";
import type { Tx } from "@/server/db/client";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Who an audit row names: the acting user (with role and State), the public, or the system. */
export function auditActor(actor: ServiceActor) {
  const user = actor.kind === "user" ? actor : null;
  return {
    actorId: user?.id ?? null,
    actorEmail: user?.email ?? null,
    actorRole: user?.role ?? (actor.kind === "system" ? "SYSTEM" : "PUBLIC"),
    actorStateId: user?.stateId ?? null,
    requestId: actor.requestId,
  };
}

/**
 * The columns of an audit row with their SQL types: the one list both ways of writing one follow
 * (`recordAudit` through Prisma, `auditInsertSql` of audit.sql.ts inside a single-statement write).
 */
export const AUDIT_COLUMNS = {
  actorId: "uuid",
  actorEmail: "text",
  actorRole: "text",
  actorStateId: "uuid",
  requestId: "text",
  action: "text",
  entityType: "text",
  entityId: "text",
  before: "jsonb",
  after: "jsonb",
} as const;
export type AuditColumn = keyof typeof AUDIT_COLUMNS;
export const AUDIT_COLUMN_NAMES = Object.keys(AUDIT_COLUMNS) as AuditColumn[];

/** One audit row: who (from the actor), what, and the before/after snapshots. */
function auditRow(actor: ServiceActor, entry: AuditEntry) {
  return {
    ...auditActor(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(entry.before),
    after: toJson(entry.after),
  } satisfies Record<AuditColumn, unknown>;
}

/**
 * Appends one audit event inside the caller's transaction: if it fails, the change it records
 * rolls back with it. `actor` null means the system itself (seeding, command-line tools).
 */
export async function recordAudit(tx: Tx, actor: ServiceActor, entry: AuditEntry) {
  await tx.auditEvent.create({ data: auditRow(actor, entry) });
}

/**
 * Appends many audit events in one statement inside the caller's transaction (for example one
 * per commitment created by a publication), with the same actor fields as `recordAudit`.
 */
export async function recordAuditMany(tx: Tx, actor: ServiceActor, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({ data: entries.map((entry) => auditRow(actor, entry)) });
}
