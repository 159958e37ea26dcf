import "server-only";
import type { JWT } from "next-auth/jwt";
import { Prisma } from "@/prisma/generated/client";
import { queryRows } from "@/server/db/client";
import { userActorOf, type UserActor } from "@/server/services/access";
import { SESSION_ABSOLUTE_SECONDS } from "@/server/auth/session-config";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claims this app puts in the next-auth JWT. `sid` names one sign-in: it stays the same when
 * the cookie is refreshed, so signing out can revoke every copy of it.
 */
export type SessionClaims = { uid: string; sid: string; sv: number; authTime: number };

/** The claims of a new sign-in: the one place that issues them (next-auth's jwt callback, and tests). */
export function issueClaims(user: { id: string; sessionVersion: number }, authTime = Math.floor(Date.now() / 1000)) {
  return { sub: user.id, uid: user.id, sid: crypto.randomUUID(), sv: user.sessionVersion, authTime };
}

export function readClaims(token: JWT | null): SessionClaims | null {
  if (!token) return null;
  const { uid, sid, sv, authTime } = token as Partial<SessionClaims>;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof sv !== "number" || typeof authTime !== "number") return null;
  if (!UUID.test(uid) || !UUID.test(sid)) return null;
  return { uid, sid, sv, authTime };
}

/**
 * Re-reads the user on every request: a deactivated account, a changed role, a changed password
 * or "sign out everywhere" (all of which bump sessionVersion) take effect at once, and so does
 * signing out (the session's id is then revoked).
 */
export async function loadActor(token: JWT | null, requestId: string | null): Promise<UserActor | null> {
  const claims = readClaims(token);
  if (!claims) return null;
  if (Date.now() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  // Every signed-in request runs this: one statement, straight on the pool.
  const [user] = await queryRows<{
    id: string;
    email: string;
    name: string;
    role: UserActor["role"];
    active: boolean;
    sessionVersion: number;
    mustChangePassword: boolean;
    locale: string | null;
    stateId: string | null;
    stateName: string | null;
    stateIso2: string | null;
    revoked: boolean;
  }>(Prisma.sql`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u."sessionVersion", u."mustChangePassword", u.locale,
           s.id AS "stateId", s.name AS "stateName", s.iso2 AS "stateIso2",
           EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${claims.sid}::uuid) AS revoked
    FROM "User" u LEFT JOIN "State" s ON s.id = u."stateId"
    WHERE u.id = ${claims.uid}::uuid`);
  if (!user || !user.active || user.revoked || user.sessionVersion !== claims.sv) return null;
  return userActorOf(user, requestId);
}
