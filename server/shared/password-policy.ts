// The password rules forms show and the API enforces (argon2 hashing stays in server/auth). Their
// words are in the `validation` catalog: "password.policy" ({min}–{max} characters) for a hint,
// "password.tooShort" / "password.tooLong" for the checks (server/schemas/auth.ts).
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The longest password a form sends (sign-in and the current password are bounded like this). */
export const PASSWORD_INPUT_MAX = PASSWORD_MAX_LENGTH * 4;
