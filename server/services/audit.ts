import type { ServiceActor } from "@/server/services/core/system-actor";
import { Prisma } from "@/prisma/generated/client";
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
 * (`recordAudit` through Prisma, `auditInsertSql` inside a single-statement write).
 */
const AUDIT_COLUMNS = {
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
type AuditColumn = keyof typeof AUDIT_COLUMNS;
const AUDIT_COLUMN_NAMES = Object.keys(AUDIT_COLUMNS) as AuditColumn[];

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

/** An audit row written by SQL: what it records as SQL over the rows of `from` (a CTE of the statement). */
export type AuditSqlEntry = { action: string; entityType: string; entityId: Prisma.Sql; before?: Prisma.Sql; after?: Prisma.Sql; from: Prisma.Sql };

/**
 * The INSERT of audit rows inside one SQL statement (a data-modifying CTE), for writes that are one
 * statement on their hot path: the same columns and actor fields as `recordAudit`, one row per row of
 * each entry's `from`.
 */
export function auditInsertSql(actor: ServiceActor, entries: AuditSqlEntry[]): Prisma.Sql {
  const who = Object.fromEntries(Object.entries(auditActor(actor)).map(([column, value]) => [column, Prisma.sql`${value}`])) as Record<keyof ReturnType<typeof auditActor>, Prisma.Sql>;
  const selects = entries.map((entry) => {
    const values: Record<AuditColumn, Prisma.Sql> = {
      ...who,
      action: Prisma.sql`${entry.action}`,
      entityType: Prisma.sql`${entry.entityType}`,
      entityId: entry.entityId,
      before: entry.before ?? Prisma.sql`NULL`,
      after: entry.after ?? Prisma.sql`NULL`,
    };
    const typed = AUDIT_COLUMN_NAMES.map((column) => Prisma.sql`(${values[column]})::${Prisma.raw(AUDIT_COLUMNS[column])}`);
    return Prisma.sql`SELECT ${Prisma.join(typed)} FROM ${entry.from}`;
  });
  const columns = Prisma.raw(AUDIT_COLUMN_NAMES.map((column) => `"${column}"`).join(", "));
  return Prisma.sql`INSERT INTO "AuditEvent" (${columns}) ${Prisma.join(selects, " UNION ALL ")}`;
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
