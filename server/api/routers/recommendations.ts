import "server-only";
import { wire } from "@/server/api/wire";
import { adminProcedure, publicProcedure, router, secretariatProcedure } from "@/server/api/trpc";
import {
  ZAddAddresseesInput,
  ZCreateRecommendationInput,
  ZCreateThemeInput,
  ZDeleteRecommendationInput,
  ZGetRecommendationInput,
  ZListRecommendationsInput,
  ZPublishRecommendationInput,
  ZUpdateRecommendationInput,
} from "@/server/schemas/recommendations";
import { ZSaveRecommendationTranslationsInput } from "@/server/schemas/translations";
import { ZSetRecommendationDueDateInput } from "@/server/schemas/commitments";
import { setRecommendationDueDate } from "@/server/services/due-dates";
import { createRecommendation, deleteRecommendation, saveRecommendationTranslations, updateRecommendation } from "@/server/services/recommendations/drafting";
import { addAddressees, publishRecommendation } from "@/server/services/recommendations/publishing";
import { getRecommendation, listRecommendations } from "@/server/services/recommendations/reading";
import { createTheme, listThemes } from "@/server/services/recommendations/themes";

export const recommendationsRouter = router({
  /** Public: published only; secretariat: drafts too. */
  list: publicProcedure.input(ZListRecommendationsInput).query(({ ctx, input }) => wire(listRecommendations(ctx.actor, input, ctx.locale))),
  get: publicProcedure.input(ZGetRecommendationInput).query(({ ctx, input }) => wire(getRecommendation(ctx.actor, input, ctx.locale))),
  themes: publicProcedure.query(({ ctx }) => wire(listThemes(ctx.actor))),
  createTheme: adminProcedure.input(ZCreateThemeInput).mutation(({ ctx, input }) => wire(createTheme(ctx.actor, input))),
  create: secretariatProcedure
    .input(ZCreateRecommendationInput)
    .mutation(({ ctx, input }) => wire(createRecommendation(ctx.actor, input, ctx.locale))),
  update: secretariatProcedure
    .input(ZUpdateRecommendationInput)
    .mutation(({ ctx, input }) => wire(updateRecommendation(ctx.actor, input, ctx.locale))),
  saveTranslations: secretariatProcedure
    .input(ZSaveRecommendationTranslationsInput)
    .mutation(({ ctx, input }) => wire(saveRecommendationTranslations(ctx.actor, input, ctx.locale))),
  delete: secretariatProcedure
    .input(ZDeleteRecommendationInput)
    .mutation(({ ctx, input }) => wire(deleteRecommendation(ctx.actor, input))),
  publish: secretariatProcedure
    .input(ZPublishRecommendationInput)
    .mutation(({ ctx, input }) => wire(publishRecommendation(ctx.actor, input))),
  addAddressees: secretariatProcedure
    .input(ZAddAddresseesInput)
    .mutation(({ ctx, input }) => wire(addAddressees(ctx.actor, input))),
  /** One due date for a published recommendation and all its commitments. */
  setDueDate: secretariatProcedure
    .input(ZSetRecommendationDueDateInput)
    .mutation(({ ctx, input }) => wire(setRecommendationDueDate(ctx.actor, input))),
});
