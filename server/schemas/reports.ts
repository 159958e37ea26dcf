import * as z from "zod/mini";
import { zDateOnly, zId, zText } from "@/server/schemas/common";

export const STATE_GROUPS = ["participating", "partners", "all"] as const;

const reportFilters = {
  sourceId: z.optional(zId),
  themeKey: z.optional(zText(50)),
  stateGroup: z._default(z.enum(STATE_GROUPS), "participating"),
  asOf: z.optional(zDateOnly),
};

/** The filters every report takes; they live in the page URL so a report can be shared. */
export const ZReportFilters = z.strictObject(reportFilters);
export type TReportFilters = z.input<typeof ZReportFilters>;

/** The matrix page shows this many recommendations (columns) at a time. */
export const MATRIX_PAGE_COLUMNS = 200;

export const ZMatrixInput = z.strictObject({
  ...reportFilters,
  sort: z._default(z.enum(["name", "score"]), "name"),
  /**
   * Which recommendations get their cells in `grid`: `columnLimit` of them from `columnOffset`
   * (all when no limit; 0 for the figures only). Row, column and total figures always cover the
   * whole selection.
   */
  columnOffset: z._default(z.int().check(z.gte(0), z.lte(1_000_000)), 0),
  columnLimit: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
});

/** The overdue page lists this many commitments per State (the earliest due); exports list all. */
export const OVERDUE_PER_STATE = 20;

export const ZOverdueInput = z.strictObject({
  ...reportFilters,
  /** At most this many commitments per State (the earliest due first); all when absent. */
  perState: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
});

export const ZRecommendationReportInput = z.strictObject({ ...reportFilters, recommendationId: zId });
export const ZStateReportInput = z.strictObject({ ...reportFilters, stateId: zId });
export const ZTrendInput = z.strictObject({
  ...reportFilters,
  granularity: z._default(z.enum(["quarter", "month"]), "quarter"),
  periods: z._default(z.int().check(z.gte(1), z.lte(60)), 20),
});
