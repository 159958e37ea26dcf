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

export const ZMatrixInput = ZReportFilters.extend({
  sort: z.enum(["name", "score"]).default("name"),
});

export const ZRecommendationReportInput = ZReportFilters.extend({ recommendationId: zId });
export const ZStateReportInput = ZReportFilters.extend({ stateId: zId });
export const ZTrendInput = ZReportFilters.extend({
  granularity: z.enum(["quarter", "month"]).default("quarter"),
  periods: z.number().int().min(1).max(60).default(20),
});
