import * as z from "zod/mini";
import { validationMessage } from "@/server/shared/message-keys";
import { zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";
import { RECOMMENDATION_TEXT_MAX, SOURCE_DESCRIPTION_MAX, SOURCE_TITLE_MAX } from "@/server/schemas/limits";
import { LOCALES } from "@/server/shared/locales";

// Translations of content into the other OSCE languages: a recommendation's text, a source's title
// and description. A list gives the whole set: a language left out (or given empty) has none.

export const ZLocale = z.enum(LOCALES);

const ONE_PER_LANGUAGE = validationMessage("translations.onePerLanguage");

function onePerLanguage<T extends { locale: string }>(items: T[]) {
  return new Set(items.map((item) => item.locale)).size === items.length;
}

export const zRecommendationTranslations = z
  .array(z.strictObject({ locale: ZLocale, text: zText(RECOMMENDATION_TEXT_MAX, "text") }))
  .check(z.maxLength(LOCALES.length), z.refine(onePerLanguage, ONE_PER_LANGUAGE));
export type TRecommendationTranslations = z.infer<typeof zRecommendationTranslations>;

export const zSourceTranslations = z
  .array(
    z.strictObject({
      locale: ZLocale,
      title: zRequiredText(SOURCE_TITLE_MAX, "title"),
      description: z.optional(z.nullable(zText(SOURCE_DESCRIPTION_MAX, "description"))),
    }),
  )
  .check(z.maxLength(LOCALES.length), z.refine(onePerLanguage, ONE_PER_LANGUAGE));
export type TSourceTranslations = z.infer<typeof zSourceTranslations>;

/** A recommendation's translations, draft or published (a published text stays final, its translations do not). */
export const ZSaveRecommendationTranslationsInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  translations: zRecommendationTranslations,
});
export type TSaveRecommendationTranslationsInput = z.infer<typeof ZSaveRecommendationTranslationsInput>;
