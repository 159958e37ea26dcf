import { z } from "zod";
import { DATE_ONLY_MESSAGE, ID_MESSAGE, hasNoNul, isDateOnly, isHttpUrl, isWellFormedText, progressMessages, textMessages } from "@/server/schemas/text-rules";

// Building blocks for every input schema: bounded, well-formed text. The rules and messages come
// from text-rules.ts, which the browser's forms use without zod (zId is zod's UUID; text-rules'
// isId mirrors it, and a test keeps them in agreement).

/** Text with a maximum length that refuses NUL characters and lone surrogates (never a 500). */
export function zText(max: number, label = "Text") {
  return z
    .string()
    .max(max, textMessages.tooLong(label, max))
    .refine(hasNoNul, textMessages.nul(label))
    .refine(isWellFormedText, textMessages.malformed(label));
}

/** Required text: trimmed, at least one character. */
export function zRequiredText(max: number, label: string) {
  return z
    .string()
    .trim()
    .min(1, textMessages.required(label))
    .max(max, textMessages.tooLong(label, max))
    .refine(hasNoNul, textMessages.nul(label))
    .refine(isWellFormedText, textMessages.malformed(label));
}

export const zId = z.uuid(ID_MESSAGE);

/** Optimistic concurrency: the version the client read. */
export const zVersion = z.number().int().min(1).max(2_147_483_647);

/** An http(s) URL, nothing else (no javascript:, data:, file:). */
export function zHttpUrl(label = "URL") {
  return zRequiredText(2000, label).refine(isHttpUrl, textMessages.notHttpUrl(label));
}

/** A calendar date as YYYY-MM-DD, from year 1 (PostgreSQL has no year 0) to 9999. */
export const zDateOnly = z.iso.date(DATE_ONLY_MESSAGE).refine(isDateOnly, DATE_ONLY_MESSAGE);

export const zProgress = z
  .number({ error: progressMessages.notANumber })
  .int(progressMessages.notWhole)
  .min(0, progressMessages.tooLow)
  .max(100, progressMessages.tooHigh);
