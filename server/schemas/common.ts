import * as z from "zod/mini";
import { ID_PATTERN, isCalendarDate } from "@/server/schemas/limits";
import { validationMessage as message, type FieldKey } from "@/server/shared/message-keys";

// Building blocks for every input schema: bounded, well-formed text, ids, versions, dates. Written
// with zod/mini (tree-shakable, a Standard Schema), so the same schemas validate in the routers and
// in the browser's forms, with the same messages. The messages are keys of the `validation`
// catalog (server/shared/message-keys.ts): the form and the API translate them for the reader;
// `field` names the field under `fields.` ("narrative": "Progress note").

export const textMessages = {
  required: (field: FieldKey) => message("text.required", { field }),
  tooLong: (field: FieldKey, max: number) => message("text.tooLong", { field, max }),
  nul: (field: FieldKey) => message("text.nul", { field }),
  malformed: (field: FieldKey) => message("text.malformed", { field }),
  notHttpUrl: (field: FieldKey) => message("text.notHttpUrl", { field }),
};

export const ID_MESSAGE = message("formats.id");
export const DATE_ONLY_MESSAGE = message("formats.date");

const hasNoNul = (value: string) => !value.includes("\u0000");
/** No lone surrogates (they cannot be stored as UTF-8). */
const isWellFormedText = (value: string) => value.isWellFormed();

/** An http(s) URL, nothing else (no javascript:, data:, file:). */
function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function wellFormed(max: number, label: FieldKey) {
  return [
    z.maxLength(max, textMessages.tooLong(label, max)),
    z.refine<string>(hasNoNul, textMessages.nul(label)),
    z.refine<string>(isWellFormedText, textMessages.malformed(label)),
  ] as const;
}

/** Text with a maximum length that refuses NUL characters and lone surrogates (never a 500). */
export function zText(max: number, label: FieldKey = "text") {
  return z.string().check(...wellFormed(max, label));
}

/** Required text: trimmed, at least one character. */
export function zRequiredText(max: number, label: FieldKey) {
  return z.string().check(z.trim(), z.minLength(1, textMessages.required(label)), ...wellFormed(max, label));
}

export const zId = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));

/** Optimistic concurrency: the version the client read. */
export const zVersion = z.int().check(z.gte(1), z.lte(2_147_483_647));

/** The fields of a versioned write's target: the record's id and the version the editor read (a stale write is refused). */
export const versionedId = { id: zId, expectedVersion: zVersion };

/** An http(s) URL, nothing else (no javascript:, data:, file:). */
export function zHttpUrl(label: FieldKey = "url") {
  return zRequiredText(2000, label).check(z.refine(isHttpUrl, textMessages.notHttpUrl(label)));
}

// PostgreSQL has no year 0 (1 BC comes before 1 AD): "0000-01-01" would reach it as an error.
/** A calendar date as YYYY-MM-DD, from year 1 (PostgreSQL has no year 0) to 9999. */
export const zDateOnly = z.string().check(z.refine(isCalendarDate, DATE_ONLY_MESSAGE));

export const progressMessages = {
  notANumber: message("progress.notANumber"),
  notWhole: message("progress.notWhole"),
  tooLow: message("progress.tooLow"),
  tooHigh: message("progress.tooHigh"),
};

export const zProgress = z.number({ error: progressMessages.notANumber }).check(z.int(progressMessages.notWhole), z.gte(0, progressMessages.tooLow), z.lte(100, progressMessages.tooHigh));

/** Whether a value passes a schema (for URL parameters: a bad one is ignored, not reported). */
export function passes(schema: z.ZodMiniType, value: unknown): boolean {
  return schema.safeParse(value).success;
}
