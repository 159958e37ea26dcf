// Counters kept in PostgreSQL, so that every app instance on one database counts together: the
// sign-in throttle (server/auth/throttle.ts) and the per-client limits of reports and exports.
// rate-limiter-flexible's PostgreSQL store does each step in one INSERT ... ON CONFLICT ... DO
// UPDATE ... RETURNING, so parallel requests cannot all read "under the limit" before any of them
// counts. Its table ("RateLimit") comes from a migration: the app never creates tables.
import "server-only";
import { occasionally } from "@/server/platform/occasionally";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db, pool } from "@/server/db/client";
import { errorText } from "@/server/i18n/server-messages";
import type { Locale } from "@/server/shared/locales";

export type Limit = {
  /** Prefix of the counters' keys; one per kind of limit. */
  name: string;
  /** How many points (attempts, calls) a key may spend per window. */
  points: number;
  windowSeconds: number;
  /** Once a key spends more than its points, it stays refused this long (0: until the window ends). */
  blockSeconds?: number;
};

export type Verdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

const TABLE = "RateLimit";
const limiters = new Map<string, RateLimiterPostgres>();

function limiterFor(limit: Limit): RateLimiterPostgres {
  const id = `${limit.name}/${limit.points}/${limit.windowSeconds}/${limit.blockSeconds ?? 0}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      // Pruning runs here (pruneExpiredCounters), once for all limits, not on a timer per limit.
      clearExpiredByTimeout: false,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** The key of a counter as stored (for clearing it inside another transaction). */
export function counterKey(limit: Pick<Limit, "name">, key: string): string {
  return `${limit.name}:${key}`;
}

const retryAfter = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

/**
 * Spends points of a key's budget, atomically. Refused once the key has spent more than the
 * limit's points in its window (the refused call is counted too: hammering a closed door does not
 * open it sooner). A database failure is thrown, never taken as "allowed".
 */
export async function consume(limit: Limit, key: string, points = 1): Promise<Verdict> {
  void pruneExpiredCountersNowAndThen();
  try {
    const result = await limiterFor(limit).consume(key, points);
    return { allowed: true, remaining: result.remainingPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection.msBeforeNext) };
    throw rejection;
  }
}

/** Gives points back (a call that turned out not to count, such as a successful sign-in). */
export async function refund(limit: Limit, key: string, points = 1): Promise<void> {
  await limiterFor(limit).reward(key, points);
}

/** Forgets a key's counter and any lock on it. */
export async function reset(limit: Limit, key: string): Promise<void> {
  await limiterFor(limit).delete(key);
}

/** The limit from an environment variable holding calls per minute (0 turns it off). */
export function perMinuteFromEnv(name: string, variable: string | undefined, fallback: number): Limit | null {
  const text = variable?.trim();
  const perMinute = text ? Number(text) : fallback;
  if (!Number.isInteger(perMinute) || perMinute < 0) throw new Error(`${name} must be a whole number of calls per minute (0 turns the limit off), not "${text}".`);
  return perMinute === 0 ? null : { name, points: perMinute, windowSeconds: 60 };
}

/** Counters whose window (or lock) ended more than an hour ago. */
export async function pruneExpiredCounters(): Promise<number> {
  const cutoff = BigInt(Date.now() - 3_600_000);
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE expire < ${cutoff}`;
}

const pruneExpiredCountersNowAndThen = occasionally(5 * 60_000, pruneExpiredCounters);

// ---------------------------------------------------------------------------------------------
// Per-client limits of expensive reads (T22). Each call of a report procedure and each export
// spends one point of the client's budget per minute; past it the answer is 429 with
// Retry-After. The defaults are far above what a person clicking through the reports, the e2e
// suite or the bench asks for, and far below what it takes to keep PostgreSQL busy for others.

export const CLIENT_LIMITS = {
  reports: { variable: "RATE_LIMIT_REPORTS_PER_MINUTE", perMinute: 300 },
  exports: { variable: "RATE_LIMIT_EXPORTS_PER_MINUTE", perMinute: 30 },
} as const;
export type ClientLimitName = keyof typeof CLIENT_LIMITS;

/** The limit as configured now (read on each call, so that a test or an operator can change it). */
export function clientLimit(name: ClientLimitName): Limit | null {
  const { variable, perMinute } = CLIENT_LIMITS[name];
  return perMinuteFromEnv(`client-${name}`, process.env[variable], perMinute);
}

/** Refused by a per-client limit; the API answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly what: "report" | "export",
  ) {
    super(errorText("server.rateLimited", { what, seconds: retryAfterSeconds }));
    this.name = "RateLimitedError";
  }

  /** The message in a language. */
  localized(locale: Locale | undefined): string {
    return errorText("server.rateLimited", { what: this.what, seconds: this.retryAfterSeconds }, locale);
  }
}

/**
 * Spends one point of this client's budget, or throws RateLimitedError. A request whose client
 * address is unknown (the app not served by server/cli/serve.mjs) is not limited.
 */
export async function enforceClientLimit(name: ClientLimitName, client: string | null | undefined): Promise<void> {
  const limit = clientLimit(name);
  if (!limit || !client) return;
  const verdict = await consume(limit, client);
  if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds, name === "reports" ? "report" : "export");
}
