import * as z from "zod/mini";
import { PASSWORD_INPUT_MAX, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";

import { EMAIL_MAX } from "@/server/schemas/limits";
import { validationMessage as message } from "@/server/shared/message-keys";

export const emailMessages = {
  tooLong: message("email.tooLong"),
  invalid: message("email.invalid"),
};

export const passwordMessages = {
  tooShort: message("password.tooShort", { min: PASSWORD_MIN_LENGTH }),
  tooLong: message("password.tooLong", { max: PASSWORD_MAX_LENGTH }),
  nul: message("password.nul"),
};

/** An email address, trimmed and lower-cased first. */
export const ZEmail = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(EMAIL_MAX, emailMessages.tooLong)),
  z.email({ error: emailMessages.invalid }),
);

/** A new password under the password policy. */
export const ZNewPassword = z.string().check(
  z.minLength(PASSWORD_MIN_LENGTH, passwordMessages.tooShort),
  z.maxLength(PASSWORD_MAX_LENGTH, passwordMessages.tooLong),
  z.refine((value) => !value.includes("\u0000"), passwordMessages.nul),
);

/** Sign-in is checked like every other input: an email that cannot be an account's is refused before any lookup. */
export const ZSignInInput = z.strictObject({
  email: ZEmail,
  password: z.string().check(z.maxLength(PASSWORD_INPUT_MAX)),
});
