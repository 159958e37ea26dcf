import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { FIGURE_SQL } from "@/server/services/compliance-figures";
import { whereFilters } from "@/server/services/reports/cells.sql";
import type { ReportFilters } from "@/server/services/reports/cells";

/**
 * The figures at each period end, per status and in total (GROUPING SETS), from the status
 * history: each change is valid from its time until the next change of the same commitment.
 */
export const trendSql = (filters: ReportFilters, ends: Date[]) => Prisma.sql`
    WITH ends AS (SELECT unnest(${ends}::timestamptz[]) AS period_end),
    commitment AS (
      SELECT c.id FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      WHERE ${whereFilters({ ...filters, asOf: undefined })}
    ),
    history AS (
      SELECT h."commitmentId", h."statusId", h.progress, h."effectiveAt",
             lead(h."effectiveAt") OVER (PARTITION BY h."commitmentId" ORDER BY h."effectiveAt") AS valid_until
      FROM "CommitmentStatusChange" h JOIN commitment ON commitment.id = h."commitmentId"
    ),
    scored AS (
      SELECT ends.period_end, history."statusId" AS status_id, history.progress,
             st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM ends
      JOIN history ON history."effectiveAt" <= ends.period_end AND (history.valid_until IS NULL OR history.valid_until > ends.period_end)
      JOIN "ScaleStatus" st ON st.id = history."statusId"
    )
    SELECT period_end, status_id, ${FIGURE_SQL} FROM scored GROUP BY GROUPING SETS ((period_end, status_id), (period_end)) ORDER BY period_end`;
