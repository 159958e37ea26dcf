import "server-only";
import { reportProcedure, router } from "@/server/api/trpc";
import { ZMatrixInput, ZOverdueInput, ZRecommendationReportInput, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";
import { getMatrix, getOverdue, getRecommendationReport, getStateReport, getTrend } from "@/server/services/compliance-reports";

// Reports read only published recommendations and accepted statuses: open to everyone, within
// a per-client rate limit.
export const reportsRouter = router({
  matrix: reportProcedure.input(ZMatrixInput).query(({ ctx, input }) => getMatrix(ctx.actor, input)),
  recommendation: reportProcedure.input(ZRecommendationReportInput).query(({ ctx, input }) => getRecommendationReport(ctx.actor, input)),
  state: reportProcedure.input(ZStateReportInput).query(({ ctx, input }) => getStateReport(ctx.actor, input)),
  trend: reportProcedure.input(ZTrendInput).query(({ ctx, input }) => getTrend(ctx.actor, input)),
  overdue: reportProcedure.input(ZOverdueInput).query(({ ctx, input }) => getOverdue(ctx.actor, input)),
});
