import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { sqlIsoDay, sqlIsoTime } from "@/server/services/core/dates";
import { cellsCte } from "@/server/services/reports/cells.sql";
import type { ReportFilters } from "@/server/services/reports/cells";
import { recommendationTextColumns, sourceTitleColumns } from "@/server/services/core/content-language.sql";
import type { Locale } from "@/server/shared/locales";

/**
 * The published recommendation with its source, themes and scale in one statement (a nested
 * Prisma read would take five); its text and its source's title with their translations into `locale`.
 */
export const recommendationWithScaleSql = (recommendationId: string, locale: Locale) => Prisma.sql`
      SELECT r.id, r.reference, ${recommendationTextColumns(locale)}, ${sqlIsoDay(Prisma.sql`r."dueDate"`)} AS "dueDate",
             so.id AS source_id, ${sourceTitleColumns(locale)},
             COALESCE((SELECT json_agg(json_build_object('key', t.key, 'label', t.label) ORDER BY t."sortOrder", t.id)
                       FROM "RecommendationTheme" rt JOIN "Theme" t ON t.id = rt."themeId" WHERE rt."recommendationId" = r.id), '[]') AS themes,
             (SELECT json_agg(json_build_object('id', st.id, 'key', st.key, 'label', st.label, 'position', st.position,
                                                'odihrLevel', st."odihrLevel", 'countsTowardsAverage', st."countsTowardsAverage") ORDER BY st.position)
              FROM "ScaleStatus" st WHERE st."scaleId" = r."scaleId") AS statuses
      FROM "Recommendation" r JOIN "Source" so ON so.id = r."sourceId"
      WHERE r.id = ${recommendationId}::uuid AND r.publication = 'PUBLISHED'`;

/** Each State's cell of one recommendation, with the public part of its last accepted update until `asOfEnd`. */
export const recommendationStatesSql = (filters: ReportFilters & { recommendationId: string }, asOfEnd: Date) => Prisma.sql`
      WITH ${cellsCte(filters, Prisma.sql`AND c."recommendationId" = ${filters.recommendationId}::uuid`)}
      SELECT scored.state_id, s.name, s.iso2, scored.status_id, scored.status_key, scored.status_label, scored.progress,
             ${sqlIsoTime(Prisma.sql`scored.accepted_at`)} AS accepted_at, ${sqlIsoDay(Prisma.sql`scored.due_date`)} AS due_date,
             scored.counts, scored.odihr, u.narrative, ev.links AS evidence
      FROM scored
      JOIN "State" s ON s.id = scored.state_id
      LEFT JOIN LATERAL (
        SELECT pu.id, pu.narrative FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = scored.id AND pu."reviewState" = 'ACCEPTED' AND pu."reviewedAt" <= ${asOfEnd}
        ORDER BY pu."reviewedAt" DESC LIMIT 1
      ) u ON true
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('title', e.title, 'url', e.url) ORDER BY e.position) AS links
        FROM "EvidenceLink" e WHERE e."updateId" = u.id AND e."isPublic"
      ) ev ON true
      ORDER BY s.id`;
