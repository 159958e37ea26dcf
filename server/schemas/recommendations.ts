import * as z from "zod/mini";
import { zRecommendationTranslations } from "@/server/schemas/translations";
import { zDateOnly, zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";

import { validationMessage as message } from "@/server/shared/message-keys";
import { MAX_ADDRESSEES, MAX_THEMES, RECOMMENDATION_TEXT_MAX, REFERENCE_MAX, recommendationMessages } from "@/server/schemas/limits";

export { MAX_ADDRESSEES, RECOMMENDATION_TEXT_MAX, REFERENCE_MAX, recommendationMessages } from "@/server/schemas/limits";
export const MAX_PAGE_SIZE = 100;

export const PUBLICATIONS = ["DRAFT", "PUBLISHED"] as const;
export const ZPublication = z.enum(PUBLICATIONS);

export const ZThemeKey = z.string().check(
  z.trim(),
  z.minLength(1, message("keys.required")),
  z.maxLength(50, message("keys.tooLong", { max: 50 })),
  z.regex(/^[a-z][a-z0-9_-]*$/, message("keys.themeFormat")),
);

const zReference = zRequiredText(REFERENCE_MAX, "reference");
const zRecommendationText = zRequiredText(RECOMMENDATION_TEXT_MAX, "text");
const zThemeKeys = z.array(zText(50, "theme")).check(z.maxLength(MAX_THEMES, recommendationMessages.tooManyThemes));
const zAddresseeStateIds = z.array(zId).check(z.maxLength(MAX_ADDRESSEES, recommendationMessages.tooManyStates));

export const ZCreateRecommendationInput = z
  .strictObject({
    sourceId: zId,
    reference: zReference,
    text: zRecommendationText,
    themeKeys: z._default(zThemeKeys, []),
    addressAllParticipating: z.boolean(),
    /** Chosen States beyond "all participating": participating States or Partners for Co-operation. */
    addresseeStateIds: z._default(zAddresseeStateIds, []),
    dueDate: z.optional(z.nullable(zDateOnly)),
    /** Defaults to the default status scale. */
    scaleId: z.optional(zId),
    /** The text in other languages (the whole set; see translations.ts). */
    translations: z._default(zRecommendationTranslations, []),
  })
  .check(
    z.refine((input) => input.addressAllParticipating || input.addresseeStateIds.length > 0, {
      message: recommendationMessages.addressSomeone,
      path: ["addresseeStateIds"],
    }),
  );
export type TCreateRecommendationInput = z.infer<typeof ZCreateRecommendationInput>;

/** Only the fields given change; drafts only. */
export const ZUpdateRecommendationInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  reference: z.optional(zReference),
  text: z.optional(zRecommendationText),
  themeKeys: z.optional(zThemeKeys),
  addressAllParticipating: z.optional(z.boolean()),
  addresseeStateIds: z.optional(zAddresseeStateIds),
  dueDate: z.optional(z.nullable(zDateOnly)),
  scaleId: z.optional(zId),
  translations: z.optional(zRecommendationTranslations),
});
export type TUpdateRecommendationInput = z.infer<typeof ZUpdateRecommendationInput>;

export const ZDeleteRecommendationInput = z.strictObject({ id: zId, expectedVersion: zVersion });
export type TDeleteRecommendationInput = z.infer<typeof ZDeleteRecommendationInput>;

export const ZPublishRecommendationInput = z.strictObject({ recommendationId: zId, expectedVersion: zVersion });
export type TPublishRecommendationInput = z.infer<typeof ZPublishRecommendationInput>;

export const ZAddAddresseesInput = z.strictObject({
  recommendationId: zId,
  expectedVersion: zVersion,
  stateIds: zAddresseeStateIds.check(z.minLength(1, recommendationMessages.chooseState)),
});
export type TAddAddresseesInput = z.infer<typeof ZAddAddresseesInput>;

export const ZGetRecommendationInput = z.strictObject({ id: zId });
export type TGetRecommendationInput = z.infer<typeof ZGetRecommendationInput>;

export const ZListRecommendationsInput = z.optional(
  z.strictObject({
    sourceId: z.optional(zId),
    publication: z.optional(ZPublication),
    themeKey: z.optional(zText(50, "theme")),
    search: z.optional(zText(200, "search")),
    limit: z._default(z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE)), 50),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.optional(zText(500, "pageCursor")),
  }),
);
export type TListRecommendationsInput = z.infer<typeof ZListRecommendationsInput>;

export const ZCreateThemeInput = z.strictObject({
  key: ZThemeKey,
  label: zRequiredText(100, "label"),
  sortOrder: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export type TCreateThemeInput = z.infer<typeof ZCreateThemeInput>;
