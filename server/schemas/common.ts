import { z } from "zod";

// Client-safe building blocks for every input schema: bounded, well-formed text.

const NUL = "\u0000";

/** Text with a maximum length that refuses NUL characters and lone surrogates (never a 500). */
export function zText(max: number, label = "Text") {
  return z
    .string()
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters`)
    .refine((value) => !value.includes(NUL), `${label} must not contain NUL characters`)
    .refine((value) => value.isWellFormed(), `${label} contains invalid characters`);
}

/** Required text: trimmed, at least one character. */
export function zRequiredText(max: number, label: string) {
  return z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters`)
    .refine((value) => !value.includes(NUL), `${label} must not contain NUL characters`)
    .refine((value) => value.isWellFormed(), `${label} contains invalid characters`);
}

export const zId = z.uuid("Not a valid id");

/** Optimistic concurrency: the version the client read. */
export const zVersion = z.number().int().min(1).max(2_147_483_647);

/** An http(s) URL, nothing else (no javascript:, data:, file:). */
export function zHttpUrl(label = "URL") {
  return zRequiredText(2000, label).refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, `${label} must be a web address starting with http:// or https://`);
}

/** A calendar date as YYYY-MM-DD. */
export const zDateOnly = z.iso.date("Enter a date as YYYY-MM-DD");

export const zProgress = z
  .number({ error: "Progress must be a number from 0 to 100" })
  .int("Progress must be a whole number")
  .min(0, "Progress must be at least 0")
  .max(100, "Progress must be at most 100");
