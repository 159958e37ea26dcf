import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { AUDIT_COLUMN_NAMES, AUDIT_COLUMNS, auditActor, type AuditColumn } from "@/server/services/audit";
import type { ServiceActor } from "@/server/services/core/system-actor";

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
