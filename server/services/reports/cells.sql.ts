import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { endOfDayUtc } from "@/server/services/core/dates";
import type { ReportFilters } from "@/server/services/reports/cells";

/** The report filters as SQL over c "Commitment", r "Recommendation" and s "State". */
export function whereFilters(filters: ReportFilters) {
  const parts: Prisma.Sql[] = [Prisma.sql`r.publication = 'PUBLISHED'`];
  if (filters.sourceId) parts.push(Prisma.sql`r."sourceId" = ${filters.sourceId}::uuid`);
  if (filters.themeKey) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationTheme" rt JOIN "Theme" t ON t.id = rt."themeId" WHERE rt."recommendationId" = r.id AND t.key = ${filters.themeKey})`);
  }
  if (filters.stateGroup === "participating") parts.push(Prisma.sql`s.kind = 'PARTICIPATING'`);
  if (filters.stateGroup === "partners") parts.push(Prisma.sql`s.kind = 'PARTNER'`);
  return Prisma.join(parts, " AND ");
}

/**
 * The commitments in the report with their accepted status (joined with its scale status, so
 * every row carries the key, label and how it counts): today's, or as of the end of the `asOf`
 * day read from the status history (one index probe per commitment). Defines `cell` and `scored`.
 */
export function cellsCte(filters: ReportFilters, extraWhere: Prisma.Sql = Prisma.empty) {
  const where = whereFilters(filters);
  const cell = filters.asOf
    ? Prisma.sql`
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, h."statusId" AS status_id,
             h.progress, CASE WHEN h."updateId" IS NULL THEN NULL ELSE h."effectiveAt" END AS accepted_at,
             c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      JOIN LATERAL (
        SELECT x."statusId", x.progress, x."effectiveAt", x."updateId"
        FROM "CommitmentStatusChange" x
        WHERE x."commitmentId" = c.id AND x."effectiveAt" <= ${endOfDayUtc(filters.asOf)}
        ORDER BY x."effectiveAt" DESC
        LIMIT 1
      ) h ON true
      WHERE ${where} ${extraWhere}`
    : Prisma.sql`
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, c."acceptedStatusId" AS status_id,
             c."acceptedProgress" AS progress, c."acceptedAt" AS accepted_at,
             c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      WHERE ${where} ${extraWhere}`;
  return Prisma.sql`cell AS (${cell}), scored AS (
      SELECT cell.*, st.key AS status_key, st.label AS status_label,
             st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM cell JOIN "ScaleStatus" st ON st.id = cell.status_id
    )`;
}
