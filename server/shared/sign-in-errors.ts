// What next-auth's sign-in answers (the `error` of its response) for the cases the sign-in form
// explains in its own words; server/auth/options.ts and authenticate.ts raise them.

/** Sign-in answers for an account that is locked. */
export const ACCOUNT_LOCKED_ERROR = "AccountLocked";
/** Sign-in answers when the database cannot be reached. */
export const SIGN_IN_UNAVAILABLE_ERROR = "ServiceUnavailable";

/**
 * What the sign-in form says for next-auth's `error`, as a key of the `errors` catalog: the app's
 * own codes have their own words; anything else is the generic refusal.
 */
export function signInErrorKey(code: string | null | undefined): "signIn.locked" | "signIn.unavailable" | "signIn.invalid" {
  if (code === ACCOUNT_LOCKED_ERROR) return "signIn.locked";
  if (code === SIGN_IN_UNAVAILABLE_ERROR) return "signIn.unavailable";
  return "signIn.invalid";
}
