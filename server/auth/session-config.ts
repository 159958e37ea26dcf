// Edge-safe constants of the session policy (proxy.ts reads them too).
const minutes = Number(process.env.SESSION_IDLE_MINUTES ?? 30);
const hours = Number(process.env.SESSION_MAX_HOURS ?? 12);

/** A session unused for this long ends (the proxy slides the cookie on every request). */
import "server-only";
export const SESSION_IDLE_SECONDS = Math.min(Math.max(minutes, 1), 30) * 60;
/** A session ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_SECONDS = Math.min(Math.max(hours, 1), 12) * 3600;
