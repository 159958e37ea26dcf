// What next-auth's sign-in answers (the `error` of its response) for the cases the sign-in form
// explains in its own words; server/auth/options.ts and authenticate.ts raise them.

/** Sign-in answers for an account that is locked. */
export const ACCOUNT_LOCKED_ERROR = "AccountLocked";
/** Sign-in answers when the database cannot be reached. */
export const SIGN_IN_UNAVAILABLE_ERROR = "ServiceUnavailable";
