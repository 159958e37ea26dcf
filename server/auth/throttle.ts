import { logger } from "@/server/platform/log";
import { db } from "@/server/db/client";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
/** A client address may fail more often than one account (offices share addresses). */
export const MAX_FAILURES_PER_ADDRESS = 20;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

export type ThrottleVerdict = { locked: false } | { locked: true; until: Date };

/** Whether sign-in for this account or from this address is currently refused. */
export async function checkSignInLock(email: string, ip: string | null): Promise<ThrottleVerdict> {
  const keys = [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
  const lock = await db.loginLock.findFirst({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    orderBy: { lockedUntil: "desc" },
  });
  return lock ? { locked: true, until: lock.lockedUntil } : { locked: false };
}

async function countRecentFailures(where: { email: string } | { ip: string }) {
  // Failures since the last success (or administrator's password reset) within the window.
  const since = minutesAgo(WINDOW_MINUTES);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { ...where, outcome: { in: ["SUCCEEDED", "RESET"] }, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return db.loginAttempt.count({
    where: { ...where, outcome: "FAILED", createdAt: { gt: lastSuccess?.createdAt ?? since } },
  });
}

async function lock(key: string) {
  const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
  await db.loginLock.upsert({ where: { key }, create: { key, lockedUntil }, update: { lockedUntil } });
}

/** Records a failed password check and locks the account or address when it crosses the limit. */
export async function recordFailure(email: string, ip: string | null) {
  await db.loginAttempt.create({ data: { email, ip, success: false, outcome: "FAILED" } });
  if ((await countRecentFailures({ email })) >= MAX_FAILURES) await lock(`email:${email}`);
  if (ip && (await countRecentFailures({ ip })) >= MAX_FAILURES_PER_ADDRESS) await lock(`ip:${ip}`);
}

export async function recordThrottled(email: string, ip: string | null) {
  await db.loginAttempt.create({ data: { email, ip, success: false, outcome: "THROTTLED" } });
  logger.warn({ event: "auth.sign_in_throttled", email, ip });
}

export async function recordSuccess(email: string, ip: string | null) {
  await db.loginAttempt.create({ data: { email, ip, success: true, outcome: "SUCCEEDED" } });
}
