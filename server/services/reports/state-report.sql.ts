import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { sqlIsoDay, sqlIsoTime } from "@/server/services/core/dates";
import { cellsCte } from "@/server/services/reports/cells.sql";
import type { ReportFilters } from "@/server/services/reports/cells";
import { recommendationTextColumns, sourceTitleColumns } from "@/server/services/core/content-language.sql";
import type { Locale } from "@/server/shared/locales";

/** The State of the report card. */
export const reportStateSql = (stateId: string) => Prisma.sql`
      SELECT id, name, iso2, kind::text AS kind, "partnerGroup" FROM "State" WHERE id = ${stateId}::uuid`;

/**
 * The State's commitments with their cell, the time of the last accepted update and the latest
 * assessment until `asOfEnd` (internal ones only when `showInternal`); texts with their translations
 * into `locale`.
 */
export const stateCommitmentsSql = (filters: ReportFilters & { stateId: string }, asOfEnd: Date, showInternal: boolean, locale: Locale) => Prisma.sql`
      WITH ${cellsCte(filters, Prisma.sql`AND c."stateId" = ${filters.stateId}::uuid`)}
      SELECT scored.id AS commitment_id, r.id AS rec_id, r.reference, ${recommendationTextColumns(locale, 300)}, ${sourceTitleColumns(locale)},
             scored.status_id, scored.status_key, scored.status_label, scored.progress, scored.counts, scored.odihr,
             ${sqlIsoTime(Prisma.sql`scored.accepted_at`)} AS accepted_at, ${sqlIsoDay(Prisma.sql`scored.due_date`)} AS due_date,
             ${sqlIsoTime(Prisma.sql`lu.reviewed_at`)} AS last_update_at,
             a."statusId" AS assessment_status_id, ast.key AS assessment_key, ast.label AS assessment_label,
             a.rationale AS assessment_rationale, a."isPublic" AS assessment_public
      FROM scored
      JOIN "Recommendation" r ON r.id = scored.rec_id
      JOIN "Source" so ON so.id = r."sourceId"
      LEFT JOIN LATERAL (
        SELECT max(pu."reviewedAt") AS reviewed_at FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = scored.id AND pu."reviewState" = 'ACCEPTED' AND pu."reviewedAt" <= ${asOfEnd}
      ) lu ON true
      LEFT JOIN LATERAL (
        SELECT x."statusId", x.rationale, x."isPublic" FROM "Assessment" x
        WHERE x."commitmentId" = scored.id AND x."createdAt" <= ${asOfEnd} AND (x."isPublic" OR ${showInternal})
        ORDER BY x."createdAt" DESC LIMIT 1
      ) a ON true
      LEFT JOIN "ScaleStatus" ast ON ast.id = a."statusId"
      ORDER BY r.reference, r.id`;
