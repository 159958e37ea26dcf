import "server-only";
import { wire } from "@/server/api/wire";
import { router, secretariatProcedure } from "@/server/api/trpc";
import { ZAcceptUpdateInput, ZRecordAssessmentInput, ZReturnUpdateInput, ZReviewQueueInput } from "@/server/schemas/commitments";
import { recordAssessment } from "@/server/services/assessments";
import { acceptUpdate, listReviewQueue, returnUpdate } from "@/server/services/progress-updates/review";

/** The secretariat's review of submitted progress updates, and its own assessment of commitments. */
export const reviewRouter = router({
  queue: secretariatProcedure.input(ZReviewQueueInput).query(({ ctx, input }) => wire(listReviewQueue(ctx.actor, input, ctx.locale))),
  accept: secretariatProcedure.input(ZAcceptUpdateInput).mutation(({ ctx, input }) => wire(acceptUpdate(ctx.actor, input))),
  return: secretariatProcedure.input(ZReturnUpdateInput).mutation(({ ctx, input }) => wire(returnUpdate(ctx.actor, input))),
  assess: secretariatProcedure.input(ZRecordAssessmentInput).mutation(({ ctx, input }) => wire(recordAssessment(ctx.actor, input))),
});
