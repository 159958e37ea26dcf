import "server-only";
import { wire } from "@/server/api/wire";
import { adminProcedure, publicProcedure, router } from "@/server/api/trpc";
import { ZCreateScaleInput, ZGetScaleInput, ZUpdateScaleInput } from "@/server/schemas/scales";
import { createScale, getScale, listScales, updateScale } from "@/server/services/scales";

export const scalesRouter = router({
  /** Public: every scale with its statuses in order. */
  list: publicProcedure.query(({ ctx }) => wire(listScales(ctx.actor))),
  get: publicProcedure.input(ZGetScaleInput).query(({ ctx, input }) => wire(getScale(ctx.actor, input))),
  create: adminProcedure.input(ZCreateScaleInput).mutation(({ ctx, input }) => wire(createScale(ctx.actor, input))),
  update: adminProcedure.input(ZUpdateScaleInput).mutation(({ ctx, input }) => wire(updateScale(ctx.actor, input, ctx.locale))),
});
