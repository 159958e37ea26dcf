import "server-only";
import { escapeLike } from "@/server/services/core/text-search";
import { assertAdmin } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import type { Prisma } from "@/prisma/generated/client";
import type { Role } from "@/prisma/generated/enums";
import { db } from "@/server/db/client";
import type { Db, Tx } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { clearAccountLock } from "@/server/auth/throttle";
import type { Actor } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { lastAuditedChange, staleEditError } from "@/server/services/core/conflict";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { lockActiveAdminsSql } from "@/server/services/users.sql";
import { FOCAL_POINT_STATE_MESSAGE } from "@/server/schemas/users";
import type {
  TGetUserInput,
  TListUsersInput,
  TResetPasswordInput,
  TSetUserActiveInput,
  TUpdateUserInput,
} from "@/server/schemas/users";

export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
  // The concurrency token a client sends back as `expectedUpdatedAt` when editing.
  updatedAt: true,
  state: { select: { id: true, name: true, iso2: true } },
} as const;

export type TCreateUser = {
  email: string;
  name: string;
  role: Role;
  /** The State of a focal point, by id (admin screens) or by ISO alpha-2 code (command line). */
  stateId?: string | null;
  stateIso2?: string | null;
  password: string;
  mustChangePassword?: boolean;
};

const MANAGE_USERS_REFUSED = "access.manageUsers";

/** The database also enforces this (a check constraint); checking first gives the form a field error. */
function assertRoleMatchesState(role: Role, hasState: boolean) {
  if (role === "FOCAL_POINT" && !hasState) {
    throw new DomainError("BAD_REQUEST", "users.focalPointNeedsState", {
      fieldErrors: { stateId: [FOCAL_POINT_STATE_MESSAGE] },
    });
  }
  if (role !== "FOCAL_POINT" && hasState) {
    throw new DomainError("BAD_REQUEST", "users.onlyFocalPointsHaveState", {
      fieldErrors: { stateId: [validationMessage("users.noStateForRole")] },
    });
  }
}

async function resolveStateId(input: { stateId?: string | null; stateIso2?: string | null }): Promise<string | null> {
  const { stateId, stateIso2 } = input;
  if (stateId && stateIso2) {
    throw new DomainError("BAD_REQUEST", "users.stateTwice", {
      fieldErrors: { stateId: [validationMessage("users.stateOnce")] },
    });
  }
  if (stateId) {
    const state = await db.state.findUnique({ where: { id: stateId }, select: { id: true } });
    if (!state) throw new DomainError("BAD_REQUEST", "users.unknownState", { fieldErrors: { stateId: [validationMessage("users.unknownState")] } });
    return state.id;
  }
  if (stateIso2) {
    const state = await db.state.findUnique({ where: { iso2: stateIso2 }, select: { id: true } });
    if (!state) {
      throw new DomainError("BAD_REQUEST", { key: "users.unknownStateCode", values: { code: stateIso2 } }, { fieldErrors: { stateId: [validationMessage("users.unknownState")] } });
    }
    return state.id;
  }
  return null;
}

function duplicateEmailError() {
  return new DomainError("CONFLICT", "conflict.emailTaken", {
    fieldErrors: { email: [validationMessage("email.taken")] },
  });
}

/**
 * Refuses a change that would leave no active administrator. The active administrators are
 * locked first, so two administrators demoting or deactivating each other at the same moment
 * cannot both succeed.
 */
async function assertAnotherActiveAdmin(tx: Tx, userId: string, message: "users.lastAdminDemote" | "users.lastAdminDeactivate") {
  const admins = await tx.$queryRaw<{ id: string }[]>(lockActiveAdminsSql());
  if (!admins.some((admin) => admin.id !== userId)) throw new DomainError("BAD_REQUEST", message);
}

/** A stale edit: says when the account last changed and, if an audited change did it, by whom. */
async function staleUserError(tx: Tx | Db, userId: string, expectedUpdatedAt: Date) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { updatedAt: true } });
  // Sign-ins also touch updatedAt without an audit row; only name someone who changed it since.
  const audited = await lastAuditedChange(tx, "User", userId, expectedUpdatedAt);
  return staleEditError(tx, "account", { by: audited?.by ?? null, at: user?.updatedAt ?? new Date() }, "reloadIt");
}

async function findUserOrThrow(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, stateId: true, active: true, updatedAt: true },
  });
  if (!user) throw new DomainError("NOT_FOUND", "notFound.user");
  return user;
}

export async function listUsers(actor: Actor, input: TListUsersInput) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  const filters: Prisma.UserWhereInput[] = [];
  if (input.role !== undefined) filters.push({ role: input.role });
  if (input.stateId !== undefined) filters.push({ stateId: input.stateId });
  if (input.active !== undefined) filters.push({ active: input.active });
  if (input.search) {
    const pattern = escapeLike(input.search);
    filters.push({
      OR: [
        { name: { contains: pattern, mode: "insensitive" } },
        { email: { contains: pattern, mode: "insensitive" } },
      ],
    });
  }
  if (input.cursor !== undefined) {
    // Keyset paging on (name, id): unlike an offset, it neither skips nor repeats a user when
    // the cursor's row has since left the filter.
    const after = await db.user.findUnique({ where: { id: input.cursor }, select: { id: true, name: true } });
    if (!after) throw new DomainError("BAD_REQUEST", "users.pageGone");
    filters.push({ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] });
  }
  const rows = await db.user.findMany({
    where: { AND: filters },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: userSummarySelect,
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}

export async function getUser(actor: Actor, input: TGetUserInput) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  const user = await db.user.findUnique({ where: { id: input.id }, select: userSummarySelect });
  if (!user) throw new DomainError("NOT_FOUND", "notFound.user");
  return user;
}

/** Creates an account; `actor` null when run by the system (command line). */
export async function createUser(actor: ServiceActor, input: TCreateUser) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  assertRoleMatchesState(input.role, Boolean(input.stateId) || Boolean(input.stateIso2));
  const stateId = await resolveStateId(input);
  const email = input.email.trim().toLowerCase();
  const mustChangePassword = input.mustChangePassword ?? false;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmailError();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name, role: input.role, stateId, passwordHash, mustChangePassword },
        select: userSummarySelect,
      });
      await recordAudit(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role, stateId, mustChangePassword },
      });
      return user;
    });
  } catch (error) {
    // Two creations of the same email at once: the unique index decides, the loser gets a field error.
    if (isUniqueViolation(error)) throw duplicateEmailError();
    throw error;
  }
}

/**
 * Changes name, role and State. A role or State change bumps sessionVersion: the user's open
 * sessions end on their next request and the new rights apply from their next sign-in.
 */
export async function updateUser(actor: Actor, input: TUpdateUserInput) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  const current = await findUserOrThrow(input.id);
  const expectedUpdatedAt = new Date(input.expectedUpdatedAt);
  if (current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw await staleUserError(db, current.id, expectedUpdatedAt);

  const name = input.name ?? current.name;
  const role = input.role ?? current.role;
  // Leaving the State out keeps a focal point's State and drops it with the focal point role.
  const stateId = input.stateId !== undefined ? input.stateId : role === "FOCAL_POINT" ? current.stateId : null;
  assertRoleMatchesState(role, stateId !== null);
  if (stateId !== null && stateId !== current.stateId) await resolveStateId({ stateId });

  return db.$transaction(async (tx) => {
    const accessChanged = role !== current.role || stateId !== current.stateId;
    if (!accessChanged && name === current.name) {
      return tx.user.findUniqueOrThrow({ where: { id: current.id }, select: userSummarySelect });
    }
    if (current.role === "ADMIN" && role !== "ADMIN" && current.active) {
      await assertAnotherActiveAdmin(tx, current.id, "users.lastAdminDemote");
    }
    const { count } = await tx.user.updateMany({
      where: { id: current.id, updatedAt: expectedUpdatedAt },
      data: { name, role, stateId, ...(accessChanged ? { sessionVersion: { increment: 1 } } : {}) },
    });
    if (count === 0) throw await staleUserError(tx, current.id, expectedUpdatedAt);
    await recordAudit(tx, actor, {
      action: "user.updated",
      entityType: "User",
      entityId: current.id,
      before: { name: current.name, role: current.role, stateId: current.stateId },
      after: { name, role, stateId, sessionsEnded: accessChanged },
    });
    return tx.user.findUniqueOrThrow({ where: { id: current.id }, select: userSummarySelect });
  });
}

/** Deactivates (ending every session at once) or reactivates an account. */
export async function setUserActive(actor: Actor, input: TSetUserActiveInput) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  if (!input.active && input.id === actor.id) {
    throw new DomainError("BAD_REQUEST", "users.deactivateSelf");
  }
  await findUserOrThrow(input.id);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, role: true, active: true } });
    if (current.active === input.active) {
      return tx.user.findUniqueOrThrow({ where: { id: current.id }, select: userSummarySelect });
    }
    if (!input.active && current.role === "ADMIN") {
      await assertAnotherActiveAdmin(tx, current.id, "users.lastAdminDeactivate");
    }
    const user = await tx.user.update({
      where: { id: current.id },
      data: { active: input.active, ...(input.active ? {} : { sessionVersion: { increment: 1 } }) },
      select: userSummarySelect,
    });
    await recordAudit(tx, actor, {
      action: input.active ? "user.reactivated" : "user.deactivated",
      entityType: "User",
      entityId: current.id,
      before: { active: current.active },
      after: { active: input.active },
    });
    return user;
  });
}

/**
 * Sets a password chosen by an administrator, which the user must replace at next sign-in. Ends
 * the user's sessions and lifts the sign-in lock, so a locked-out user can get back in.
 */
export async function resetUserPassword(actor: Actor, input: TResetPasswordInput) {
  assertAdmin(actor, MANAGE_USERS_REFUSED);
  // Your own password is changed by proving the current one, not by administrator override.
  if (input.id === actor.id) {
    throw new DomainError("BAD_REQUEST", "account.ownPassword");
  }
  const current = await findUserOrThrow(input.id);
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: current.id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
      select: userSummarySelect,
    });
    // Earlier failures no longer count towards a lock.
    const lockCleared = await clearAccountLock(user.email, tx);
    await tx.loginAttempt.create({ data: { email: user.email, ip: null, success: false, outcome: "RESET" } });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      entityType: "User",
      entityId: current.id,
      after: { passwordChanged: true, mustChangePassword: true, signInLockCleared: lockCleared },
    });
    return user;
  });
}
