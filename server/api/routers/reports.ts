import "server-only";
import { reportProcedure, router } from "@/server/api/trpc";
import { ZMatrixInput, ZOverdueInput, ZRecommendationReportInput, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";
import { getMatrix } from "@/server/services/reports/matrix";
import { getOverdue } from "@/server/services/reports/overdue";
import { getRecommendationReport } from "@/server/services/reports/recommendation-report";
import { getStateReport } from "@/server/services/reports/state-report";
import { getTrend } from "@/server/services/reports/trend";

// Reports read only published recommendations and accepted statuses: open to everyone, within
// a per-client rate limit.
export const reportsRouter = router({
  matrix: reportProcedure.input(ZMatrixInput).query(({ ctx, input }) => getMatrix(ctx.actor, input, ctx.locale)),
  recommendation: reportProcedure.input(ZRecommendationReportInput).query(({ ctx, input }) => getRecommendationReport(ctx.actor, input, ctx.locale)),
  state: reportProcedure.input(ZStateReportInput).query(({ ctx, input }) => getStateReport(ctx.actor, input, ctx.locale)),
  trend: reportProcedure.input(ZTrendInput).query(({ ctx, input }) => getTrend(ctx.actor, input)),
  overdue: reportProcedure.input(ZOverdueInput).query(({ ctx, input }) => getOverdue(ctx.actor, input, ctx.locale)),
});
