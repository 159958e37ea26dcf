// Client-safe: the schemas used by forms import these, so they must not pull in argon2.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The longest password a form sends (sign-in and the current password are bounded like this). */
export const PASSWORD_INPUT_MAX = PASSWORD_MAX_LENGTH * 4;
