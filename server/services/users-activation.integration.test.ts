import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import { AccountLockedError, authenticate } from "@/server/auth/authenticate";
import { MAX_FAILURES } from "@/server/auth/throttle";
import { loadActor } from "@/server/auth/session";
import { TEST_PASSWORD, callerFor, createTestUser, signInClaims, userAudit, userRow } from "@/server/test/factories";
import { NEW_PASSWORD, expectNoHashIn } from "@/server/test/worlds/users";

describe("users.setActive", () => {
  it("deactivates (ending sessions) and reactivates, auditing both", async () => {
    const { caller } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "FOCAL_POINT", stateIso2: "IT" });
    const claims = await signInClaims(target.id);

    expect(await caller.users.setActive({ id: target.id, active: false })).toMatchObject({ active: false });
    expect(await loadActor(claims, null)).toBeNull();
    expect(await caller.users.setActive({ id: target.id, active: true })).toMatchObject({ active: true });
    // Reactivation does not revive the sessions that deactivation ended.
    expect(await loadActor(claims, null)).toBeNull();
    expect(await loadActor(await signInClaims(target.id), null)).not.toBeNull();

    const events = await db.auditEvent.findMany({ where: { entityType: "User", entityId: target.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.after])).toEqual([
      ["user.deactivated", { active: false }],
      ["user.reactivated", { active: true }],
    ]);
  });

  it("refuses an administrator deactivating themselves", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    await expect(caller.users.setActive({ id: admin.id, active: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await userRow(admin.id)).active).toBe(true);
  });

  it("refuses to deactivate or demote the last active administrator", async () => {
    const { caller } = await callerFor("ADMIN");
    const lastAdmin = await createTestUser({ role: "ADMIN" });
    // Other test files create administrators in parallel; one appearing between the set-up and the
    // call would legitimately let the call through, so a success is retried only in that case.
    for (let attempt = 1; ; attempt++) {
      const setUpAt = new Date();
      const others = await db.user.findMany({ where: { role: "ADMIN", active: true, id: { not: lastAdmin.id } }, select: { id: true } });
      const otherIds = others.map((other) => other.id);
      await db.user.updateMany({ where: { id: { in: otherIds } }, data: { active: false } });
      try {
        const current = await userRow(lastAdmin.id);
        const auditBefore = await db.auditEvent.count({ where: { entityType: "User", entityId: lastAdmin.id } });
        const deactivation = await Promise.allSettled([caller.users.setActive({ id: lastAdmin.id, active: false })]);
        const demotion = await Promise.allSettled([
          caller.users.update({ id: lastAdmin.id, expectedUpdatedAt: current.updatedAt.toISOString(), role: "ANALYST" }),
        ]);
        const allRefused = [...deactivation, ...demotion].every(
          (result) => result.status === "rejected" && (result.reason as { code?: string }).code === "BAD_REQUEST",
        );
        if (allRefused) {
          expect(await userRow(lastAdmin.id)).toMatchObject({ role: "ADMIN", active: true, sessionVersion: current.sessionVersion });
          expect(await db.auditEvent.count({ where: { entityType: "User", entityId: lastAdmin.id } })).toBe(auditBefore);
          break;
        }
        const raced = await db.user.count({ where: { role: "ADMIN", createdAt: { gte: setUpAt }, id: { not: lastAdmin.id } } });
        await db.user.update({ where: { id: lastAdmin.id }, data: { role: "ADMIN", active: true } });
        if (raced === 0 || attempt >= 5) throw new Error("the last active administrator was deactivated or demoted");
      } finally {
        await db.user.updateMany({ where: { id: { in: otherIds } }, data: { active: true } });
      }
    }

    // With another active administrator, the same changes go through.
    const deactivated = await caller.users.setActive({ id: lastAdmin.id, active: false });
    expect(deactivated.active).toBe(false);
  });
});

describe("users.resetPassword", () => {
  it("sets the new password, requires a change, ends sessions and lifts the sign-in lock", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "FOCAL_POINT", stateIso2: "PL" });
    // Six wrong passwords: the sixth is refused, and the account is locked.
    for (let attempt = 0; attempt < MAX_FAILURES + 1; attempt++) {
      await authenticate({ email: target.email, password: `wrong-${attempt}` }, null).catch(() => null);
    }
    await expect(authenticate({ email: target.email, password: TEST_PASSWORD }, null)).rejects.toBeInstanceOf(AccountLockedError);
    const claims = await signInClaims(target.id);

    const result = await caller.users.resetPassword({ id: target.id, newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ id: target.id, mustChangePassword: true });
    expect(result).not.toHaveProperty("passwordHash");

    const row = await userRow(target.id);
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await loadActor(claims, null)).toBeNull();
    expect((await authenticate({ email: target.email, password: NEW_PASSWORD }, null))?.id).toBe(target.id);

    const audit = await userAudit(target.id, "user.password_reset");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, after: { passwordChanged: true, signInLockCleared: true } });
    expectNoHashIn(audit);
  });

  it("refuses resetting one's own password, a weak password and unknown keys, changing nothing", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "ANALYST" });
    const adminBefore = await userRow(admin.id);
    await expect(caller.users.resetPassword({ id: admin.id, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.users.resetPassword({ id: target.id, newPassword: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.users.resetPassword({ id: target.id, newPassword: NEW_PASSWORD, mustChangePassword: false } as { id: string; newPassword: string }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await userRow(admin.id)).toEqual(adminBefore);
    expect(await userRow(target.id)).toEqual(target);
    expect(await userAudit(admin.id, "user.password_reset")).toHaveLength(0);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const { caller } = await callerFor("ADMIN");
    await expect(
      caller.users.resetPassword({ id: "00000000-0000-4000-8000-000000000000", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
