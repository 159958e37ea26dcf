import { z } from "zod";
import { zDateOnly, zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";
import { MAX_ADDRESSEES, MAX_THEMES, RECOMMENDATION_TEXT_MAX, REFERENCE_MAX, recommendationMessages } from "@/server/schemas/recommendation-rules";

// Built from the limits and messages of recommendation-rules.ts, which the browser's forms use.
export { MAX_ADDRESSEES, RECOMMENDATION_TEXT_MAX };
export const MAX_PAGE_SIZE = 100;

export const PUBLICATIONS = ["DRAFT", "PUBLISHED"] as const;
export const ZPublication = z.enum(PUBLICATIONS);

export const ZThemeKey = z
  .string()
  .trim()
  .min(1, "Key is required")
  .max(50, "Key must be at most 50 characters")
  .regex(/^[a-z][a-z0-9_-]*$/, "Key must start with a letter and use only a-z, 0-9, - and _");

const zReference = zRequiredText(REFERENCE_MAX, "Reference");
const zRecommendationText = zRequiredText(RECOMMENDATION_TEXT_MAX, "Text");
const zThemeKeys = z.array(zText(50, "Theme")).max(MAX_THEMES, recommendationMessages.tooManyThemes);
const zAddresseeStateIds = z.array(zId).max(MAX_ADDRESSEES, recommendationMessages.tooManyStates);

export const ZCreateRecommendationInput = z
  .strictObject({
    sourceId: zId,
    reference: zReference,
    text: zRecommendationText,
    themeKeys: zThemeKeys.default([]),
    addressAllParticipating: z.boolean(),
    /** Chosen States beyond "all participating": participating States or Partners for Co-operation. */
    addresseeStateIds: zAddresseeStateIds.default([]),
    dueDate: zDateOnly.nullable().optional(),
    /** Defaults to the default status scale. */
    scaleId: zId.optional(),
  })
  .refine((input) => input.addressAllParticipating || input.addresseeStateIds.length > 0, {
    message: recommendationMessages.addressSomeone,
    path: ["addresseeStateIds"],
  });
export type TCreateRecommendationInput = z.infer<typeof ZCreateRecommendationInput>;

/** Only the fields given change; drafts only. */
export const ZUpdateRecommendationInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  reference: zReference.optional(),
  text: zRecommendationText.optional(),
  themeKeys: zThemeKeys.optional(),
  addressAllParticipating: z.boolean().optional(),
  addresseeStateIds: zAddresseeStateIds.optional(),
  dueDate: zDateOnly.nullable().optional(),
  scaleId: zId.optional(),
});
export type TUpdateRecommendationInput = z.infer<typeof ZUpdateRecommendationInput>;

export const ZDeleteRecommendationInput = z.strictObject({ id: zId, expectedVersion: zVersion });
export type TDeleteRecommendationInput = z.infer<typeof ZDeleteRecommendationInput>;

export const ZPublishRecommendationInput = z.strictObject({ recommendationId: zId, expectedVersion: zVersion });
export type TPublishRecommendationInput = z.infer<typeof ZPublishRecommendationInput>;

export const ZAddAddresseesInput = z.strictObject({
  recommendationId: zId,
  expectedVersion: zVersion,
  stateIds: zAddresseeStateIds.min(1, recommendationMessages.chooseState),
});
export type TAddAddresseesInput = z.infer<typeof ZAddAddresseesInput>;

export const ZGetRecommendationInput = z.strictObject({ id: zId });
export type TGetRecommendationInput = z.infer<typeof ZGetRecommendationInput>;

export const ZListRecommendationsInput = z
  .strictObject({
    sourceId: zId.optional(),
    publication: ZPublication.optional(),
    themeKey: zText(50, "Theme").optional(),
    search: zText(200, "Search").optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: zText(500, "Page cursor").optional(),
  })
  .optional();
export type TListRecommendationsInput = z.infer<typeof ZListRecommendationsInput>;

export const ZCreateThemeInput = z.strictObject({
  key: ZThemeKey,
  label: zRequiredText(100, "Label"),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type TCreateThemeInput = z.infer<typeof ZCreateThemeInput>;
