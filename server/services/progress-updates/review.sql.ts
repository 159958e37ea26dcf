import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { v7 as uuidv7 } from "uuid";
import type { UserActor } from "@/server/services/access";
import { auditInsertSql } from "@/server/services/audit.sql";
import { sqlIsoTime } from "@/server/services/core/dates";
import { TRANSITIONS } from "@/server/services/progress-updates/workflow";

const { from, to } = TRANSITIONS.accept;

/**
 * The acceptance of a submitted update in one statement: the update (guarded by its version and
 * the state acceptance starts from), the commitment with its previous values locked and returned,
 * the status history, and both audit rows. Returns the update's id and new version, or no row.
 */
export function acceptUpdateSql(actor: UserActor, input: { updateId: string; expectedVersion: number }, comment: string | null, now: Date) {
  return Prisma.sql`
    WITH accepted AS (
      UPDATE "ProgressUpdate"
      SET "reviewState" = ${to}::"ReviewState", "reviewerId" = ${actor.id}::uuid, "reviewedAt" = ${now}, "reviewComment" = ${comment},
          "updatedById" = ${actor.id}::uuid, version = version + 1, "updatedAt" = ${now}
      WHERE id = ${input.updateId}::uuid AND version = ${input.expectedVersion} AND "reviewState" = ${from}::"ReviewState"
      RETURNING id, "commitmentId", "statusId", progress, version
    ), commitment AS (
      UPDATE "Commitment" c
      SET "acceptedStatusId" = old.new_status, "acceptedProgress" = old.new_progress, "acceptedAt" = ${now},
          "updatedById" = ${actor.id}::uuid, version = c.version + 1, "updatedAt" = ${now}
      FROM (
        SELECT x.id, x."acceptedStatusId", x."acceptedProgress", x."acceptedAt", x.version,
               accepted."statusId" AS new_status, accepted.progress AS new_progress, accepted.id AS update_id
        FROM "Commitment" x JOIN accepted ON accepted."commitmentId" = x.id
        FOR UPDATE OF x
      ) old
      WHERE c.id = old.id
      RETURNING old.*
    ), history AS (
      INSERT INTO "CommitmentStatusChange" (id, "commitmentId", "statusId", progress, "effectiveAt", "updateId", "changedById")
      SELECT ${uuidv7()}::uuid, accepted."commitmentId", accepted."statusId", accepted.progress, ${now}, accepted.id, ${actor.id}::uuid FROM accepted
    ), audit AS (
      ${auditInsertSql(actor, [
        {
          action: "update.accepted",
          entityType: "ProgressUpdate",
          entityId: Prisma.sql`accepted.id::text`,
          before: Prisma.sql`${JSON.stringify({ reviewState: from })}`,
          after: Prisma.sql`jsonb_build_object('reviewState', ${to}::text, 'comment', ${comment}::text)`,
          from: Prisma.sql`accepted`,
        },
        {
          action: "commitment.status_accepted",
          entityType: "Commitment",
          entityId: Prisma.sql`commitment.id::text`,
          before: Prisma.sql`jsonb_build_object('acceptedStatusId', commitment."acceptedStatusId", 'acceptedProgress', commitment."acceptedProgress",
                                'acceptedAt', ${sqlIsoTime(Prisma.sql`commitment."acceptedAt"`)}, 'version', commitment.version)`,
          after: Prisma.sql`jsonb_build_object('acceptedStatusId', commitment.new_status, 'acceptedProgress', commitment.new_progress,
                                'acceptedAt', ${now.toISOString()}::text, 'version', commitment.version + 1, 'updateId', commitment.update_id)`,
          from: Prisma.sql`commitment`,
        },
      ])}
    )
    SELECT id, version FROM accepted`;
}
