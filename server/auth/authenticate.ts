import "server-only";
import { db } from "@/server/db/client";
import { burnPasswordCheck, verifyPassword } from "@/server/auth/password";
import { reserveSignInAttempt } from "@/server/auth/throttle";
import { ACCOUNT_LOCKED_ERROR } from "@/server/shared/sign-in-errors";
import { ZSignInInput } from "@/server/schemas/auth";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export class AccountLockedError extends Error {
  constructor() {
    super(ACCOUNT_LOCKED_ERROR);
  }
}

/**
 * Checks an email and password. Returns null for any wrong combination (an email that is not an
 * email address, unknown email, wrong password, deactivated account: the caller shows one generic
 * message), and throws AccountLockedError while the account or address is locked, even for the
 * right password; a locked attempt costs no password hashing.
 */
export async function authenticate(
  credentials: unknown,
  ip: string | null,
): Promise<AuthenticatedUser | null> {
  const parsed = ZSignInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const attempt = await reserveSignInAttempt(email, ip);
  if (attempt.locked) throw new AccountLockedError();

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true },
  });
  if (!user) {
    await burnPasswordCheck(password);
    await attempt.failed();
    return null;
  }
  const passwordMatches = await verifyPassword(user.passwordHash, password);
  if (!passwordMatches || !user.active) {
    await attempt.failed();
    return null;
  }
  await attempt.succeeded();
  // Raw, so that signing in does not touch updatedAt (which guards administrators' edits).
  await db.$executeRaw`UPDATE "User" SET "lastSignInAt" = now() WHERE "id" = ${user.id}::uuid`;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
