import "server-only";
import { wire } from "@/server/api/wire";
import { authedProcedure, publicProcedure, router, secretariatProcedure } from "@/server/api/trpc";
import {
  ZCommitmentRef,
  ZListCommitmentsInput,
  ZSetDueDateInput,
  ZStatusAsOfInput,
  ZUpdateRef,
  ZWriteUpdateInput,
} from "@/server/schemas/commitments";
import { getCommitment, getCommitmentHistory, getStatusAsOf } from "@/server/services/commitments";
import { listCommitments } from "@/server/services/commitment-list";
import { deleteDraft, submitUpdate, writeUpdate } from "@/server/services/progress-updates/focal-point";
import { setCommitmentDueDate } from "@/server/services/assessments";

export const commitmentsRouter = router({
  // Reads: anyone, scoped by the service (public: published and accepted only).
  list: publicProcedure.input(ZListCommitmentsInput).query(({ ctx, input }) => wire(listCommitments(ctx.actor, input, ctx.locale))),
  get: publicProcedure.input(ZCommitmentRef).query(({ ctx, input }) => wire(getCommitment(ctx.actor, input.id, ctx.locale))),
  history: publicProcedure.input(ZCommitmentRef).query(({ ctx, input }) => wire(getCommitmentHistory(ctx.actor, input.id))),
  statusAsOf: publicProcedure.input(ZStatusAsOfInput).query(({ ctx, input }) => wire(getStatusAsOf(ctx.actor, input.id, input.date))),

  // A focal point's own State's updates.
  saveDraft: authedProcedure.input(ZWriteUpdateInput).mutation(({ ctx, input }) => wire(writeUpdate(ctx.actor, input, { submit: false }))),
  saveAndSubmit: authedProcedure.input(ZWriteUpdateInput).mutation(({ ctx, input }) => wire(writeUpdate(ctx.actor, input, { submit: true }))),
  submitUpdate: authedProcedure.input(ZUpdateRef).mutation(({ ctx, input }) => wire(submitUpdate(ctx.actor, input))),
  deleteDraft: authedProcedure.input(ZUpdateRef).mutation(({ ctx, input }) => wire(deleteDraft(ctx.actor, input))),

  // The secretariat's commitment settings (its review and assessment: the review router).
  setDueDate: secretariatProcedure.input(ZSetDueDateInput).mutation(({ ctx, input }) => wire(setCommitmentDueDate(ctx.actor, input))),
});
