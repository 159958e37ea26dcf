import "server-only";
import { Prisma } from "@/prisma/generated/client";
import type { THistoryEntity } from "@/server/schemas/audit";

// The audit trail's reads. Every query walks an index of "AuditEvent" newest first:
// (entityType, entityId, createdAt) for one record's history, (actorId, createdAt) for one person,
// (action, createdAt, id) for one kind of change, (createdAt) for the whole log, and stops after
// one page; the page after starts at the cursor (createdAt, id) instead of counting rows.

/** Where a page starts: after the event with this time and id, newest first. */
export type EventCursor = { at: string; id: string };

export type EventRow = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

const ENTITY_TYPES: Record<Exclude<THistoryEntity, "commitment">, string> = {
  recommendation: "Recommendation",
  user: "User",
  source: "Source",
};

/**
 * The events of one record. A commitment's are its own, its updates' (from submission on: a
 * State's drafts are the State's own) and its assessments'.
 */
export function entityEventsWhere(entity: THistoryEntity, id: string): Prisma.Sql {
  if (entity !== "commitment") return Prisma.sql`a."entityType" = ${ENTITY_TYPES[entity]} AND a."entityId" = ${id}`;
  return Prisma.sql`((a."entityType" = 'Commitment' AND a."entityId" = ${id})
    OR (a."entityType" = 'ProgressUpdate' AND a."action" NOT LIKE 'update.draft%'
      AND a."entityId" IN (SELECT pu.id::text FROM "ProgressUpdate" pu WHERE pu."commitmentId" = ${id}::uuid))
    OR (a."entityType" = 'Assessment'
      AND a."entityId" IN (SELECT asm.id::text FROM "Assessment" asm WHERE asm."commitmentId" = ${id}::uuid)))`;
}

/** The filters of the audit log as SQL over a; `to` is the last day included. */
export function logWhere(filters: { actorId?: string; action?: string; from?: string; to?: string }): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.actorId) parts.push(Prisma.sql`a."actorId" = ${filters.actorId}::uuid`);
  if (filters.action) parts.push(Prisma.sql`a."action" = ${filters.action}`);
  if (filters.from) parts.push(Prisma.sql`a."createdAt" >= ${filters.from}::date::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to) parts.push(Prisma.sql`a."createdAt" < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return Prisma.join(parts, " AND ");
}

/** One page of events (newest first) matching `where`, after `cursor`, with the acting user's current name. */
export function eventsPageSql(where: Prisma.Sql, cursor: EventCursor | null, take: number): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (a."createdAt", a.id) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : Prisma.empty;
  return Prisma.sql`
    SELECT a.id::text AS id, a."createdAt", a."actorId", u."name" AS "actorName", a."actorEmail", a."actorRole",
      a."action", a."entityType", a."entityId", a."before", a."after"
    FROM "AuditEvent" a
    LEFT JOIN "User" u ON u.id = a."actorId"
    WHERE ${where} ${after}
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT ${take}`;
}

/** The kinds of change the trail holds: a skip scan of the action index (one probe per kind, not a read of the table). */
export const auditActionsSql = Prisma.sql`
  WITH RECURSIVE kinds AS (
    (SELECT a."action" FROM "AuditEvent" a ORDER BY a."action" LIMIT 1)
    UNION ALL
    SELECT (SELECT a."action" FROM "AuditEvent" a WHERE a."action" > kinds."action" ORDER BY a."action" LIMIT 1)
    FROM kinds WHERE kinds."action" IS NOT NULL
  )
  SELECT "action" FROM kinds WHERE "action" IS NOT NULL`;
