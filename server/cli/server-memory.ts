import { UserFacingError } from "@/server/cli/user-facing-error";

/** The app server's default heap budget, in MB (see README: SERVER_HEAP_MB). */
export const DEFAULT_SERVER_HEAP_MB = 384;

/**
 * NODE_OPTIONS for the app server process: the caller's own options plus a V8 heap budget.
 * Without one, V8 on a large machine lets garbage grow to gigabytes before collecting it (the
 * bench saw 650-1,050 MB of resident memory for well under 200 MB of live data); with a budget it
 * collects sooner and the process stays within it. `SERVER_HEAP_MB=0` keeps Node's own default.
 */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SERVER_HEAP_MB?.trim() || String(DEFAULT_SERVER_HEAP_MB);
  const megabytes = Number(raw);
  if (!Number.isInteger(megabytes) || megabytes < 0 || (megabytes > 0 && megabytes < 128)) {
    throw new UserFacingError(`SERVER_HEAP_MB must be a whole number of megabytes, at least 128 (or 0 for Node's default), not "${raw}".`);
  }
  const own = (env.NODE_OPTIONS ?? "").trim();
  if (megabytes === 0 || /--max-old-space-size/.test(own)) return own;
  return [own, `--max-old-space-size=${megabytes}`].filter(Boolean).join(" ");
}
