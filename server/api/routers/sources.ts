import "server-only";
import { wire } from "@/server/api/wire";
import { publicProcedure, router, secretariatProcedure } from "@/server/api/trpc";
import { ZCreateSourceInput, ZGetSourceInput, ZListSourcesInput, ZPublishSourceDraftsInput, ZUpdateSourceInput } from "@/server/schemas/sources";
import { publishSourceDrafts } from "@/server/services/recommendations/publishing";
import { createSource, getSource, listSources, updateSource } from "@/server/services/sources";

export const sourcesRouter = router({
  /** Public: sources with a published recommendation; secretariat: all. */
  list: publicProcedure.input(ZListSourcesInput).query(({ ctx, input }) => wire(listSources(ctx.actor, input, ctx.locale))),
  get: publicProcedure.input(ZGetSourceInput).query(({ ctx, input }) => wire(getSource(ctx.actor, input, ctx.locale))),
  create: secretariatProcedure.input(ZCreateSourceInput).mutation(({ ctx, input }) => wire(createSource(ctx.actor, input, ctx.locale))),
  update: secretariatProcedure.input(ZUpdateSourceInput).mutation(({ ctx, input }) => wire(updateSource(ctx.actor, input, ctx.locale))),
  /** Every draft of the source, published in one transaction. */
  publishDrafts: secretariatProcedure.input(ZPublishSourceDraftsInput).mutation(({ ctx, input }) => wire(publishSourceDrafts(ctx.actor, input))),
});
