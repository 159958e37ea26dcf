// The demo accounts share a password printed in the README. While any of them still has it, the
// installation is a demo: npm start serves this machine only, and every page says so.
import "server-only";
import { systemActor } from "@/server/services/core/system-actor";
import crypto from "node:crypto";
import { db, queryRows } from "@/server/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/services/audit";

/** The demo accounts `npm start` creates on the embedded database, and their published password. */
export const DEMO_PASSWORD = "demo-password-2017";
export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Demo Administrator", role: "ADMIN", state: null },
  { email: "analyst@demo.test", name: "Demo Analyst", role: "ANALYST", state: null },
  { email: "focal.at@demo.test", name: "Anna Gruber", role: "FOCAL_POINT", state: "AT" },
  { email: "focal.it@demo.test", name: "Marco Rossi", role: "FOCAL_POINT", state: "IT" },
  { email: "focal.de@demo.test", name: "Jonas Weber", role: "FOCAL_POINT", state: "DE" },
] as const;
import { accountsByEmailSql } from "@/server/services/demo-accounts.sql";

const DEMO_EMAILS = DEMO_USERS.map((user) => user.email);

// Whether a stored hash verifies the published password never changes, so each hash costs one
// argon2 check per process; afterwards the answer is one indexed query of at most five rows.
const verdicts = new Map<string, Promise<boolean>>();

function hasPublishedPassword(passwordHash: string): Promise<boolean> {
  let verdict = verdicts.get(passwordHash);
  if (!verdict) {
    if (verdicts.size > 1000) verdicts.clear();
    verdict = verifyPassword(passwordHash, DEMO_PASSWORD);
    verdicts.set(passwordHash, verdict);
  }
  return verdict;
}

/** The demo accounts (active or not) whose password is still the published one. */
export async function demoAccountsWithPublishedPassword(): Promise<{ id: string; email: string }[]> {
  const rows = await queryRows<{ id: string; email: string; passwordHash: string }>(accountsByEmailSql(DEMO_EMAILS));
  const published = await Promise.all(rows.map((row) => hasPublishedPassword(row.passwordHash)));
  return rows.filter((_, index) => published[index]).map(({ id, email }) => ({ id, email }));
}

/**
 * Deactivates every demo account that still has the published password and replaces the password
 * with a random one nobody knows, ending its sessions; each with its audit entry. Idempotent.
 */
export async function disableDemoAccounts(): Promise<string[]> {
  const exposed = await demoAccountsWithPublishedPassword();
  for (const account of exposed) {
    const passwordHash = await hashPassword(crypto.randomBytes(32).toString("base64url"));
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: account.id }, select: { active: true } });
      await tx.user.update({ where: { id: account.id }, data: { passwordHash, active: false, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, systemActor("demo:disable"), {
        action: "user.demo_disabled",
        entityType: "User",
        entityId: account.id,
        before: { active: before.active },
        after: { active: false, passwordChanged: true },
      });
    });
  }
  return exposed.map((account) => account.email);
}
