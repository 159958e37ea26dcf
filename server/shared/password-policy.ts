// The password rules forms show and the API enforces (argon2 hashing stays in server/auth).
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** The longest password a form sends (sign-in and the current password are bounded like this). */
export const PASSWORD_INPUT_MAX = PASSWORD_MAX_LENGTH * 4;
