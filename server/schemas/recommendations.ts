import { z } from "zod";
import { zDateOnly, zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";

export const RECOMMENDATION_TEXT_MAX = 20_000;
/** 57 participating States + 11 Partners for Co-operation. */
export const MAX_ADDRESSEES = 68;
export const MAX_PAGE_SIZE = 100;

export const RECOMMENDATION_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export const ZRecommendationStatus = z.enum(RECOMMENDATION_STATUSES);

export const ZThemeKey = z
  .string()
  .trim()
  .min(1, "Key is required")
  .max(50, "Key must be at most 50 characters")
  .regex(/^[a-z][a-z0-9_-]*$/, "Key must start with a letter and use only a-z, 0-9, - and _");

const zReference = zRequiredText(50, "Reference");
const zRecommendationText = zRequiredText(RECOMMENDATION_TEXT_MAX, "Text");
const zThemeKeys = z.array(z.string().max(50)).max(50, "At most 50 themes");
const zAddresseeStateIds = z.array(zId).max(MAX_ADDRESSEES, `At most ${MAX_ADDRESSEES} States`);

const ADDRESS_SOMEONE = "Address the recommendation to all participating States or to at least one chosen State";

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
    message: ADDRESS_SOMEONE,
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
  stateIds: zAddresseeStateIds.min(1, "Choose at least one State"),
});
export type TAddAddresseesInput = z.infer<typeof ZAddAddresseesInput>;

export const ZGetRecommendationInput = z.strictObject({ id: zId });
export type TGetRecommendationInput = z.infer<typeof ZGetRecommendationInput>;

export const ZListRecommendationsInput = z
  .strictObject({
    sourceId: zId.optional(),
    status: ZRecommendationStatus.optional(),
    themeKey: z.string().max(50).optional(),
    search: zText(200, "Search").optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(500).optional(),
  })
  .optional();
export type TListRecommendationsInput = z.infer<typeof ZListRecommendationsInput>;

export const ZCreateThemeInput = z.strictObject({
  key: ZThemeKey,
  label: zRequiredText(100, "Label"),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type TCreateThemeInput = z.infer<typeof ZCreateThemeInput>;
