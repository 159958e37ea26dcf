// Signing out ends the session on the server too: a session cookie is a signed token that stays
// valid until it expires, so a copy taken before "Sign out" would otherwise keep working. The
// session's id (`sid`) goes into RevokedSession until the latest moment the token could still be
// accepted (its absolute limit), and loadActor refuses it from then on.
import "server-only";
import { occasionally } from "@/server/platform/occasionally";
import { db } from "@/server/db/client";
import { SESSION_ABSOLUTE_SECONDS } from "@/server/auth/session-config";
import type { SessionClaims } from "@/server/auth/session";

export async function revokeSession(claims: Pick<SessionClaims, "sid" | "authTime">): Promise<void> {
  const expiresAt = new Date((claims.authTime + SESSION_ABSOLUTE_SECONDS) * 1000);
  await db.$executeRaw`
    INSERT INTO "RevokedSession" ("id", "expiresAt") VALUES (${claims.sid}::uuid, ${expiresAt})
    ON CONFLICT ("id") DO NOTHING`;
  void pruneRevokedSessionsNowAndThen();
}

/** Revocations of sessions that have expired anyway. */
export async function pruneRevokedSessions(): Promise<number> {
  return db.$executeRaw`DELETE FROM "RevokedSession" WHERE "expiresAt" < now()`;
}

const pruneRevokedSessionsNowAndThen = occasionally(10 * 60_000, pruneRevokedSessions);
