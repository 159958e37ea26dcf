import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { cellsCte, whereFilters } from "@/server/services/reports/cells.sql";
import type { ReportFilters } from "@/server/services/reports/cells";
import { recommendationTextColumns } from "@/server/services/core/content-language.sql";
import type { Locale } from "@/server/shared/locales";

/** Every cell of the matrix: a commitment's State, recommendation, status and how it counts. */
export const matrixCellsSql = (filters: ReportFilters) =>
  Prisma.sql`WITH ${cellsCte(filters)} SELECT state_id, rec_id, status_id, progress, counts, odihr FROM scored`;

/** Every State (a small table); the matrix keeps those with cells. */
export const allStatesSql = () => Prisma.sql`SELECT id, name, iso2, kind::text AS kind FROM "State"`;

/** The recommendations of the selection in reference order, with the start of their text (and of its translation into `locale`). */
export const matrixRecommendationsSql = (filters: ReportFilters, locale: Locale) => Prisma.sql`
      SELECT r.id, r.reference, ${recommendationTextColumns(locale, 160)} FROM "Recommendation" r
      WHERE ${whereFilters({ ...filters, stateGroup: "all" })}
      ORDER BY r.reference, r.id`;

/** Every status of every scale, in scale and position order (a small table). */
export const allStatusesSql = () => Prisma.sql`
    SELECT id, key, label, position, "odihrLevel"::text AS "odihrLevel", "countsTowardsAverage"
    FROM "ScaleStatus" ORDER BY "scaleId", position`;
