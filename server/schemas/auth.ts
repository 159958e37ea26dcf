import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";
import { EMAIL_MAX, EMAIL_PATTERN, emailMessages, passwordMessages } from "@/server/schemas/user-rules";

// Built from the zod-free rules and messages of user-rules.ts, which the browser's forms use.

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, emailMessages.tooLong)
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: emailMessages.invalid }));

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, passwordMessages.tooShort)
  .max(PASSWORD_MAX_LENGTH, passwordMessages.tooLong)
  .refine((value) => !value.includes("\u0000"), passwordMessages.nul);

/** Sign-in is checked like every other input: an email that cannot be an account's is refused before any lookup. */
export const ZSignInInput = z.strictObject({
  email: ZEmail,
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
});
