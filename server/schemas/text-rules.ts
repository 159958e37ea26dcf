// The rules and messages of the text, URL, id and progress inputs, without zod. The zod schemas
// (server/schemas/common.ts) are built from them, and the browser's forms check with them before
// sending, so a field says the same thing either way and the forms need not load zod. The server
// stays the authority: it validates every input with the zod schemas.

const NUL = "\u0000";

export const textMessages = {
  required: (label: string) => `${label} is required`,
  tooLong: (label: string, max: number) => `${label} must be at most ${max.toLocaleString("en")} characters`,
  nul: (label: string) => `${label} must not contain NUL characters`,
  malformed: (label: string) => `${label} contains invalid characters`,
  notHttpUrl: (label: string) => `${label} must be a web address starting with http:// or https://`,
};

export const progressMessages = {
  notANumber: "Progress must be a number from 0 to 100",
  notWhole: "Progress must be a whole number",
  tooLow: "Progress must be at least 0",
  tooHigh: "Progress must be at most 100",
};

export function hasNoNul(value: string) {
  return !value.includes(NUL);
}

/** No lone surrogates (they cannot be stored as UTF-8). */
export function isWellFormedText(value: string) {
  return value.isWellFormed();
}

/** An http(s) URL, nothing else (no javascript:, data:, file:). */
export function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** An id as the API accepts it: zod's UUID (RFC 9562 versions 1-8, nil and max), for zId. */
const ID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

export const ID_MESSAGE = "Not a valid id";

export function isId(value: string) {
  return ID.test(value);
}

/** zod's ISO calendar date (z.iso.date: YYYY-MM-DD, a real day, year 1 to 9999), for zDateOnly; a test keeps them in agreement. */
const DATE_ONLY = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

export const DATE_ONLY_MESSAGE = "Enter a date as YYYY-MM-DD";

// PostgreSQL has no year 0 (1 BC comes before 1 AD): "0000-01-01" would reach it as an error.
export function isDateOnly(value: string) {
  return DATE_ONLY.test(value) && !value.startsWith("0000");
}

// The first problem of a value, in the order the zod schemas check it (the order decides which
// message a field shows when several apply); null when it passes.

/** Text with a maximum length (zText). */
export function textProblem(value: string, max: number, label = "Text"): string | null {
  if (value.length > max) return textMessages.tooLong(label, max);
  if (!hasNoNul(value)) return textMessages.nul(label);
  if (!isWellFormedText(value)) return textMessages.malformed(label);
  return null;
}

/** Required text, trimmed first (zRequiredText). */
export function requiredTextProblem(value: string, max: number, label: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length < 1) return textMessages.required(label);
  return textProblem(trimmed, max, label);
}

/** A required http(s) URL (zHttpUrl). */
export function httpUrlProblem(value: string, label = "URL"): string | null {
  const problem = requiredTextProblem(value, 2000, label);
  if (problem) return problem;
  return isHttpUrl(value.trim()) ? null : textMessages.notHttpUrl(label);
}

/** A whole percentage (zProgress). */
export function progressProblem(value: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return progressMessages.notANumber;
  if (!Number.isSafeInteger(value)) return progressMessages.notWhole;
  if (value < 0) return progressMessages.tooLow;
  if (value > 100) return progressMessages.tooHigh;
  return null;
}
