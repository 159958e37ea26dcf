import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { sqlIsoDay } from "@/server/services/core/dates";
import { cellsCte } from "@/server/services/reports/cells.sql";
import type { ReportFilters } from "@/server/services/reports/cells";
import { recommendationTextColumns } from "@/server/services/core/content-language.sql";
import type { Locale } from "@/server/shared/locales";

/**
 * The commitments due before `day` and never accepted, each State's first `perState` of them
 * (earliest due first) with the State's total; the text with its translation into `locale`.
 */
export const overdueSql = (filters: ReportFilters & { perState?: number }, day: Date, locale: Locale) => Prisma.sql`
    WITH ${cellsCte(filters, Prisma.sql`AND c."dueDate" < ${day}`)}, overdue AS (
      SELECT scored.*, r.reference, ${recommendationTextColumns(locale, 200)},
             row_number() OVER (PARTITION BY scored.state_id ORDER BY scored.due_date, r.reference, scored.id) AS position,
             count(*) OVER (PARTITION BY scored.state_id)::int AS state_total
      FROM scored JOIN "Recommendation" r ON r.id = scored.rec_id
      WHERE scored.accepted_at IS NULL
    )
    SELECT s.id AS state_id, s.name, s.iso2, overdue.state_total, overdue.id AS commitment_id, overdue.rec_id, overdue.reference, overdue.text, overdue.text_language, overdue.translated_text,
           ${sqlIsoDay(Prisma.sql`overdue.due_date`)} AS due_date, overdue.status_key, overdue.status_label, overdue.progress
    FROM overdue JOIN "State" s ON s.id = overdue.state_id
    WHERE overdue.position <= ${filters.perState ?? 2_147_483_647}
    ORDER BY s.id, overdue.position`;
