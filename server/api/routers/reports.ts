import { publicProcedure, router } from "@/server/api/trpc";
import { ZMatrixInput, ZOverdueInput, ZRecommendationReportInput, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";
import { getMatrix, getOverdue, getRecommendationReport, getStateReport, getTrend } from "@/server/services/compliance-reports";

// Reports read only published recommendations and accepted statuses: open to everyone.
export const reportsRouter = router({
  matrix: publicProcedure.input(ZMatrixInput).query(({ ctx, input }) => getMatrix(ctx.actor, input)),
  recommendation: publicProcedure.input(ZRecommendationReportInput).query(({ ctx, input }) => getRecommendationReport(ctx.actor, input)),
  state: publicProcedure.input(ZStateReportInput).query(({ ctx, input }) => getStateReport(ctx.actor, input)),
  trend: publicProcedure.input(ZTrendInput).query(({ ctx, input }) => getTrend(ctx.actor, input)),
  overdue: publicProcedure.input(ZOverdueInput).query(({ ctx, input }) => getOverdue(ctx.actor, input)),
});
