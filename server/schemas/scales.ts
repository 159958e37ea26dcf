import * as z from "zod/mini";
import { zId, zProgress, zRequiredText, zText, zVersion } from "@/server/schemas/common";
import { validationMessage as message } from "@/server/shared/message-keys";
import { ODIHR_LEVELS } from "@/server/shared/odihr-levels";
import { MAX_SCALE_STATUSES } from "@/server/schemas/limits";

export { ODIHR_LEVELS, MAX_SCALE_STATUSES };
export const ZOdihrLevel = z.enum(ODIHR_LEVELS, { error: message("scales.chooseOdihrLevel") });


export const ZStatusKey = z.string().check(
  z.trim(),
  z.minLength(1, message("keys.required")),
  z.maxLength(50, message("keys.tooLong", { max: 50 })),
  z.regex(/^[a-z][a-z0-9_]*$/, message("keys.statusFormat")),
);

export const ZScaleStatusInput = z.strictObject({
  key: ZStatusKey,
  label: zRequiredText(100, "label"),
  defaultProgress: zProgress,
  countsTowardsAverage: z.boolean(),
  /** Null for statuses outside the ODIHR rating, such as "Not applicable". */
  odihrLevel: z.nullable(ZOdihrLevel),
});
export type TScaleStatusInput = z.infer<typeof ZScaleStatusInput>;

/** The statuses in order: the first is where every new commitment starts. */
const zStatuses = z.array(ZScaleStatusInput).check(
  z.minLength(2, message("scales.tooFewStatuses", { min: 2 })),
  z.maxLength(MAX_SCALE_STATUSES, message("scales.tooManyStatuses", { max: MAX_SCALE_STATUSES })),
  z.superRefine((statuses, ctx) => {
    const seen = new Set<string>();
    statuses.forEach((status, index) => {
      if (seen.has(status.key)) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: message("scales.keyTwice", { key: status.key }), input: status.key });
      }
      seen.add(status.key);
    });
  }),
);

export const ZCreateScaleInput = z.strictObject({
  name: zRequiredText(100, "name"),
  description: z.optional(z.nullable(zText(2000, "description"))),
  statuses: zStatuses,
});
export type TCreateScaleInput = z.infer<typeof ZCreateScaleInput>;

/**
 * `statuses`, when given, is the whole ordered list, matched to the existing statuses by key:
 * new keys are added, missing keys removed (never one that commitments hold). `expectedVersion` is
 * the version the editor read: a stale edit is refused.
 */
export const ZUpdateScaleInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  name: z.optional(zRequiredText(100, "name")),
  description: z.optional(z.nullable(zText(2000, "description"))),
  statuses: z.optional(zStatuses),
});
export type TUpdateScaleInput = z.infer<typeof ZUpdateScaleInput>;

export const ZGetScaleInput = z.strictObject({ id: zId });
export type TGetScaleInput = z.infer<typeof ZGetScaleInput>;
