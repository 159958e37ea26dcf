import { db } from "@/server/db/client";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password";
import { checkSignInLock, recordFailure, recordSuccess, recordThrottled } from "@/server/auth/throttle";
import { ACCOUNT_LOCKED_ERROR } from "@/server/auth/session-config";
import { ZSignInInput } from "@/server/schemas/auth";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export class AccountLockedError extends Error {
  constructor() {
    super(ACCOUNT_LOCKED_ERROR);
  }
}

/**
 * Checks an email and password. Returns null for any wrong combination (unknown email, wrong
 * password, deactivated account: the caller shows one generic message), and throws
 * AccountLockedError while the account or address is locked, even for the right password.
 */
export async function authenticate(
  credentials: unknown,
  ip: string | null,
): Promise<AuthenticatedUser | null> {
  const parsed = ZSignInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const email = parsed.data.email.trim().toLowerCase();
  const { password } = parsed.data;

  if ((await checkSignInLock(email, ip)).locked) {
    await recordThrottled(email, ip);
    throw new AccountLockedError();
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    await recordFailure(email, ip);
    return null;
  }
  const passwordMatches = await verifyPassword(user.passwordHash, password);
  if (!passwordMatches || !user.active) {
    await recordFailure(email, ip);
    return null;
  }
  await recordSuccess(email, ip);
  // Raw, so that signing in does not touch updatedAt (which guards administrators' edits).
  await db.$executeRaw`UPDATE "User" SET "lastSignInAt" = now() WHERE "id" = ${user.id}::uuid`;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The client address: the nearest hop of X-Forwarded-For (set by Next.js or a trusted proxy). */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  if (typeof raw !== "string" || raw.length === 0) return null;
  const hops = raw.split(",").map((hop) => hop.trim()).filter(Boolean);
  const address = process.env.TRUST_PROXY === "1" ? hops[0] : hops[hops.length - 1];
  return address ? address.slice(0, 64) : null;
}
