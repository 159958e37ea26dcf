import * as z from "zod/mini";
import { zId, zProgress, zRequiredText, zText } from "@/server/schemas/common";

export const ODIHR_LEVELS = ["FULLY", "MOSTLY", "PARTIALLY", "NOT_IMPLEMENTED"] as const;
export const ZOdihrLevel = z.enum(ODIHR_LEVELS, { error: "Choose an ODIHR level or none" });

export const MAX_SCALE_STATUSES = 30;

export const ZStatusKey = z.string().check(
  z.trim(),
  z.minLength(1, "Key is required"),
  z.maxLength(50, "Key must be at most 50 characters"),
  z.regex(/^[a-z][a-z0-9_]*$/, "Key must start with a letter and use only a-z, 0-9 and _"),
);

export const ZScaleStatusInput = z.strictObject({
  key: ZStatusKey,
  label: zRequiredText(100, "Label"),
  defaultProgress: zProgress,
  countsTowardsAverage: z.boolean(),
  /** Null for statuses outside the ODIHR rating, such as "Not applicable". */
  odihrLevel: z.nullable(ZOdihrLevel),
});
export type TScaleStatusInput = z.infer<typeof ZScaleStatusInput>;

/** The statuses in order: the first is where every new commitment starts. */
const zStatuses = z.array(ZScaleStatusInput).check(
  z.minLength(2, "A scale needs at least 2 statuses"),
  z.maxLength(MAX_SCALE_STATUSES, `A scale has at most ${MAX_SCALE_STATUSES} statuses`),
  z.superRefine((statuses, ctx) => {
    const seen = new Set<string>();
    statuses.forEach((status, index) => {
      if (seen.has(status.key)) {
        ctx.addIssue({ code: "custom", path: [index, "key"], message: `The key "${status.key}" is used twice`, input: status.key });
      }
      seen.add(status.key);
    });
  }),
);

export const ZCreateScaleInput = z.strictObject({
  name: zRequiredText(100, "Name"),
  description: z.optional(z.nullable(zText(2000, "Description"))),
  statuses: zStatuses,
});
export type TCreateScaleInput = z.infer<typeof ZCreateScaleInput>;

/**
 * `statuses`, when given, is the whole ordered list, matched to the existing statuses by key:
 * new keys are added, missing keys removed (only while no recommendation uses the scale).
 */
export const ZUpdateScaleInput = z.strictObject({
  id: zId,
  name: z.optional(zRequiredText(100, "Name")),
  description: z.optional(z.nullable(zText(2000, "Description"))),
  statuses: z.optional(zStatuses),
});
export type TUpdateScaleInput = z.infer<typeof ZUpdateScaleInput>;

export const ZGetScaleInput = z.strictObject({ id: zId });
export type TGetScaleInput = z.infer<typeof ZGetScaleInput>;
