import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { v7 as uuidv7 } from "uuid";
import type { UserActor } from "@/server/services/access";
import { auditInsertSql } from "@/server/services/audit.sql";
import type { ReviewState } from "@/server/services/progress-updates/workflow";

export type NewUpdate = {
  id: string;
  commitmentId: string;
  reviewState: ReviewState;
  statusId: string;
  progress: number;
  narrative: string;
  reportingPeriod: string | null;
  evidence: { position: number; title: string; url: string; isPublic: boolean }[];
};

/**
 * A first update of a commitment in one statement: the update, its evidence links and its audit
 * row (`action`, with `after` as its snapshot). Returns the update's id, state and version.
 */
export function createUpdateSql(actor: UserActor, update: NewUpdate, now: Date, action: string, after: unknown) {
  const { evidence } = update;
  return Prisma.sql`
    WITH created AS (
      INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, narrative, "reportingPeriod", "reviewState", "submittedAt", "updatedById", "updatedAt")
      VALUES (${update.id}::uuid, ${update.commitmentId}::uuid, ${actor.id}::uuid, ${update.statusId}::uuid, ${update.progress}, ${update.narrative}, ${update.reportingPeriod},
              ${update.reviewState}::"ReviewState", ${update.reviewState === "SUBMITTED" ? now : null}::timestamptz, ${actor.id}::uuid, ${now})
      RETURNING id, "reviewState"::text AS "reviewState", version
    ), links AS (
      INSERT INTO "EvidenceLink" (id, "updateId", position, title, url, "isPublic")
      SELECT link.id, created.id, link.position, link.title, link.url, link.is_public
      FROM created, unnest(${evidence.map(() => uuidv7())}::uuid[], ${evidence.map((row) => row.position)}::int[], ${evidence.map((row) => row.title)}::text[],
                           ${evidence.map((row) => row.url)}::text[], ${evidence.map((row) => row.isPublic)}::bool[]) AS link(id, position, title, url, is_public)
    ), audit AS (
      ${auditInsertSql(actor, [{ action, entityType: "ProgressUpdate", entityId: Prisma.sql`created.id::text`, after: Prisma.sql`${JSON.stringify(after)}`, from: Prisma.sql`created` }])}
    )
    SELECT id, "reviewState", version FROM created`;
}
