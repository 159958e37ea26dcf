// Sign-in throttling: at most 5 failed passwords per account per 15 minutes (then the account is
// locked for 15 minutes, even for the right password) and 20 per client address (offices share
// addresses). An attempt reserves its place in both counters BEFORE the password is checked, in
// one atomic statement each (server/platform/rate-limit.ts): of 50 parallel guesses only 5 reach
// argon2, and a refused attempt costs no password hashing at all.
import "server-only";
import { occasionally } from "@/server/platform/occasionally";
import { logger } from "@/server/platform/log";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/client";
import { consume, counterKey, refund, reset, type Limit } from "@/server/platform/rate-limit";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
/** A client address may fail more often than one account (offices share addresses). */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** How long checked attempts stay in LoginAttempt for an operator to look into. */
export const ATTEMPT_RETENTION_DAYS = 30;

export const ACCOUNT_LIMIT: Limit = {
  name: "sign-in-account",
  points: MAX_FAILURES,
  windowSeconds: WINDOW_MINUTES * 60,
  blockSeconds: LOCK_MINUTES * 60,
};
export const ADDRESS_LIMIT: Limit = {
  name: "sign-in-address",
  points: MAX_FAILURES_PER_ADDRESS,
  windowSeconds: WINDOW_MINUTES * 60,
  blockSeconds: LOCK_MINUTES * 60,
};

export type SignInReservation =
  | { locked: true; retryAfterSeconds: number }
  | {
      locked: false;
      /** The password was right: the account's count starts afresh, the address gets its point back. */
      succeeded(): Promise<void>;
      /** The password was wrong (or the account unknown or inactive): the reserved points stay spent. */
      failed(): Promise<void>;
    };

/**
 * Reserves one attempt for this account and address, or answers that either is locked. Every
 * password check (sign-in, and the current password when changing it) goes through here first.
 */
export async function reserveSignInAttempt(email: string, ip: string | null): Promise<SignInReservation> {
  if (ip) {
    const address = await consume(ADDRESS_LIMIT, ip);
    if (!address.allowed) return throttled(email, ip, "address", address.retryAfterSeconds);
  }
  const account = await consume(ACCOUNT_LIMIT, email);
  if (!account.allowed) {
    // The address did not get to try this time.
    if (ip) await refund(ADDRESS_LIMIT, ip);
    return throttled(email, ip, "account", account.retryAfterSeconds);
  }
  return {
    locked: false,
    async succeeded() {
      await reset(ACCOUNT_LIMIT, email);
      if (ip) await refund(ADDRESS_LIMIT, ip);
      await recordAttempt(email, ip, "SUCCEEDED");
    },
    async failed() {
      await recordAttempt(email, ip, "FAILED");
    },
  };
}

function throttled(email: string, ip: string | null, scope: "account" | "address", retryAfterSeconds: number): SignInReservation {
  logger.warn({ event: "auth.sign_in_throttled", email, ip, scope, retryAfterSeconds });
  return { locked: true, retryAfterSeconds };
}

async function recordAttempt(email: string, ip: string | null, outcome: "FAILED" | "SUCCEEDED") {
  await db.loginAttempt.create({ data: { email, ip, success: outcome === "SUCCEEDED", outcome } });
  void pruneOldAttemptsNowAndThen();
}

/**
 * Lifts an account's lock and forgets its failures (an administrator reset its password), in the
 * caller's transaction. Answers whether the account was locked.
 */
export async function clearAccountLock(email: string, tx: Tx): Promise<boolean> {
  const removed = await tx.$queryRaw<{ points: number; expire: bigint | null }[]>`
    DELETE FROM "RateLimit" WHERE key = ${counterKey(ACCOUNT_LIMIT, email)} RETURNING points, expire`;
  return removed.some((row) => row.points >= MAX_FAILURES && (row.expire === null || Number(row.expire) > Date.now()));
}

/** Checked attempts older than the retention period. */
export async function pruneOldAttempts(): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "LoginAttempt" WHERE "createdAt" < now() - make_interval(days => ${ATTEMPT_RETENTION_DAYS})`;
}

const pruneOldAttemptsNowAndThen = occasionally(10 * 60_000, pruneOldAttempts);
