import { z } from "zod";
import { zDateOnly, zId, zText } from "@/server/schemas/common";

export const STATE_GROUPS = ["participating", "partners", "all"] as const;

/** The filters every report takes; they live in the page URL so a report can be shared. */
export const ZReportFilters = z.strictObject({
  sourceId: zId.optional(),
  themeKey: zText(50).optional(),
  stateGroup: z.enum(STATE_GROUPS).default("participating"),
  asOf: zDateOnly.optional(),
});
export type TReportFilters = z.input<typeof ZReportFilters>;

/** The matrix page shows this many recommendations (columns) at a time. */
export const MATRIX_PAGE_COLUMNS = 200;

export const ZMatrixInput = ZReportFilters.extend({
  sort: z.enum(["name", "score"]).default("name"),
  /**
   * Which recommendations get their cells in `grid`: `columnLimit` of them from `columnOffset`
   * (all when no limit; 0 for the figures only). Row, column and total figures always cover the
   * whole selection.
   */
  columnOffset: z.number().int().min(0).max(1_000_000).default(0),
  columnLimit: z.number().int().min(0).max(1_000_000).optional(),
});

/** The overdue page lists this many commitments per State (the earliest due); exports list all. */
export const OVERDUE_PER_STATE = 20;

export const ZOverdueInput = ZReportFilters.extend({
  /** At most this many commitments per State (the earliest due first); all when absent. */
  perState: z.number().int().min(1).max(100_000).optional(),
});

export const ZRecommendationReportInput = ZReportFilters.extend({ recommendationId: zId });
export const ZStateReportInput = ZReportFilters.extend({ stateId: zId });
export const ZTrendInput = ZReportFilters.extend({
  granularity: z.enum(["quarter", "month"]).default("quarter"),
  periods: z.number().int().min(1).max(60).default(20),
});
