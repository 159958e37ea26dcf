import "server-only";
import { db } from "@/server/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { reserveSignInAttempt } from "@/server/auth/throttle";
import type { TSetLanguageInput } from "@/server/schemas/account";
import type { TChangePasswordInput } from "@/server/schemas/users";
import type { Actor, UserActor } from "@/server/services/access";
import { ROLE_LABELS } from "@/server/shared/roles";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";

export type ActorSummary = {
  id: string;
  name: string;
  email: string;
  role: keyof typeof ROLE_LABELS;
  roleLabel: string;
  stateName: string | null;
  stateIso2: string | null;
  mustChangePassword: boolean;
};

export function describeActor(actor: Actor): ActorSummary | null {
  if (actor.kind !== "user") return null;
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    stateName: actor.stateName,
    stateIso2: actor.stateIso2,
    mustChangePassword: actor.mustChangePassword,
  };
}

function assertSignedIn(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== "user") throw new DomainError("UNAUTHORIZED", "access.signIn");
}

/** The signed-in user's own account; a signed-out visitor has none. */
export function ownProfile(actor: Actor): ActorSummary {
  assertSignedIn(actor);
  return describeActor(actor)!;
}

/**
 * Changes the signed-in user's own password after checking the current one. Every session,
 * this one included, ends; the returned sessionVersion lets the caller issue a fresh session.
 */
export async function changeOwnPassword(actor: Actor, input: TChangePasswordInput) {
  assertSignedIn(actor);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, passwordHash: true } });
  if (!user) throw new DomainError("NOT_FOUND", "notFound.account");

  // Guesses at the current password count against the same lock as sign-in, so a stolen
  // session cannot be used to try passwords without limit.
  const attempt = await reserveSignInAttempt(user.email, null);
  if (attempt.locked) {
    throw new DomainError("BAD_REQUEST", "account.tooManyAttempts", {
      fieldErrors: { currentPassword: [validationMessage("password.tooManyAttempts")] },
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await attempt.failed();
    throw new DomainError("BAD_REQUEST", "account.wrongPassword", {
      fieldErrors: { currentPassword: [validationMessage("password.wrong")] },
    });
  }
  await attempt.succeeded();
  if (input.newPassword === input.currentPassword) {
    throw new DomainError("BAD_REQUEST", "account.samePassword", {
      fieldErrors: { newPassword: [validationMessage("password.same")] },
    });
  }

  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only if the password is still the one just checked: a concurrent change is not overwritten.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new DomainError("CONFLICT", "conflict.passwordChanged");
    const { sessionVersion } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    await recordAudit(tx, actor, {
      action: "account.password_changed",
      entityType: "User",
      entityId: user.id,
      after: { passwordChanged: true, mustChangePassword: false },
    });
    return { sessionVersion };
  });
}

/** Ends every session of the signed-in user, this one included, on its next request. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  assertSignedIn(actor);
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordAudit(tx, actor, {
      action: "account.signed_out_everywhere",
      entityType: "User",
      entityId: actor.id,
      after: { sessionVersion: user.sessionVersion },
    });
  });
}

/** Keeps the signed-in user's interface language in their profile: it wins over the browser's cookie. */
export async function setOwnLanguage(actor: Actor, input: TSetLanguageInput) {
  assertSignedIn(actor);
  const { locale } = await db.user.update({ where: { id: actor.id }, data: { locale: input.locale }, select: { locale: true } });
  return { locale };
}
