import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";
import { requiredTextProblem } from "@/server/schemas/text-rules";

// The account inputs (name, email, passwords), without zod: the zod schemas (auth.ts, users.ts)
// are built from these rules and messages, and the user and account forms check with them before
// sending, so a field says the same thing either way and those pages need not load zod.

export const USER_NAME_MAX = 200;
export const USER_NAME_LABEL = "Name";

export const EMAIL_MAX = 254;
/** zod's own email pattern (z.email's default), passed to z.email so that both use this one. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const emailMessages = {
  tooLong: "Email is too long",
  invalid: "Enter a valid email address",
};

export const passwordMessages = {
  tooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  nul: "Password must not contain NUL characters",
};

/** The longest password a form sends (sign-in and the current password are bounded like this). */
export const PASSWORD_INPUT_MAX = PASSWORD_MAX_LENGTH * 4;

export const currentPasswordMessages = {
  required: "Enter your current password",
  tooLong: "Password is too long",
};

export const confirmPasswordMessages = {
  required: "Enter the new password again",
  mismatch: "The two new passwords do not match",
};

export const ROLE_MESSAGE = "Choose a role";
export const FOCAL_POINT_STATE_MESSAGE = "Choose the State of this focal point";

/** A user's name (required, trimmed). */
export function userNameProblem(value: string): string | null {
  return requiredTextProblem(value, USER_NAME_MAX, USER_NAME_LABEL);
}

/** An email address, as ZEmail checks it (trimmed and lower-cased first). */
export function emailProblem(value: string): string | null {
  const normalized = value.trim().toLowerCase();
  if (normalized.length > EMAIL_MAX) return emailMessages.tooLong;
  return EMAIL_PATTERN.test(normalized) ? null : emailMessages.invalid;
}

/** A new password under the password policy (ZNewPassword). */
export function newPasswordProblem(value: string): string | null {
  if (value.length < PASSWORD_MIN_LENGTH) return passwordMessages.tooShort;
  if (value.length > PASSWORD_MAX_LENGTH) return passwordMessages.tooLong;
  if (value.includes("\u0000")) return passwordMessages.nul;
  return null;
}

/** The current password when changing it (ZChangePasswordInput): not held to the policy, an old one may predate it. */
export function currentPasswordProblem(value: string): string | null {
  if (value.length < 1) return currentPasswordMessages.required;
  if (value.length > PASSWORD_INPUT_MAX) return currentPasswordMessages.tooLong;
  return null;
}

/** The new password typed again (the form's own check; the API receives the new password once). */
export function confirmPasswordProblem(newPassword: string, confirmation: string): string | null {
  if (confirmation.length < 1) return confirmPasswordMessages.required;
  if (confirmation.length > PASSWORD_INPUT_MAX) return currentPasswordMessages.tooLong;
  return confirmation === newPassword ? null : confirmPasswordMessages.mismatch;
}
