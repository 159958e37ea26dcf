import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import { loadActor } from "@/server/auth/session";
import { MAX_FAILURES } from "@/server/auth/throttle";
import { TEST_PASSWORD, callerAs, callerFor, signInClaims, userAudit, userRow } from "@/server/test/factories";

const NEW_PASSWORD = "another long passphrase";

describe("account mutations: authorization", () => {
  it("answers UNAUTHORIZED to a visitor", async () => {
    const caller = await callerAs("public");
    await expect(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(caller.account.signOutEverywhere()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("account.changePassword", () => {
  it.each([
    ["FOCAL_POINT", "SE"],
    ["ANALYST", undefined],
    ["ADMIN", undefined],
  ] as const)("lets a %s change their password, ending every older session", async (role, stateIso2) => {
    const { caller, user } = await callerFor(role, stateIso2);
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const claims = await signInClaims(user.id);

    const result = await caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ sessionVersion: claims.sv + 1 });

    const row = await userRow(user.id);
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await loadActor(claims, null)).toBeNull();
    // The returned version is what a re-issued session carries.
    expect(await loadActor({ ...claims, sv: result.sessionVersion }, null)).toMatchObject({ id: user.id, mustChangePassword: false });

    const audit = await userAudit(user.id, "account.password_changed");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorRole: role, after: { passwordChanged: true } });
    expect(JSON.stringify(audit[0]!.before ?? null)).not.toContain("$argon2");
    expect(JSON.stringify(audit[0]!.after ?? null)).not.toContain("$argon2");
  });

  it("refuses a wrong current password with a field error and changes nothing", async () => {
    const { caller, user } = await callerFor("FOCAL_POINT", "NO");
    const before = await userRow(user.id);
    await expect(caller.account.changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fieldErrors: { currentPassword: [expect.any(String)] } } },
    });
    expect(await userRow(user.id)).toEqual(before);
    expect(await loadActor(await signInClaims(user.id), null)).not.toBeNull();
    expect(await userAudit(user.id, "account.password_changed")).toHaveLength(0);
  });

  it("refuses a new password equal to the current one, or too short", async () => {
    const { caller, user } = await callerFor("ANALYST");
    const before = await userRow(user.id);
    await expect(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fieldErrors: { newPassword: [expect.any(String)] } } },
    });
    await expect(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: `long enough\u0000` }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await userRow(user.id)).toEqual(before);
  });

  it("refuses smuggled keys such as role or sessionVersion (T05), changing nothing", async () => {
    const { caller, user } = await callerFor("FOCAL_POINT", "DK");
    const before = await userRow(user.id);
    const base = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    for (const extra of [{ role: "ADMIN" }, { sessionVersion: 1 }, { stateId: null }, { mustChangePassword: false }]) {
      await expect(caller.account.changePassword({ ...base, ...extra } as typeof base)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await userRow(user.id)).toEqual(before);
  });

  it("locks after repeated wrong current passwords, refusing even the right one", async () => {
    const { caller, user } = await callerFor("ANALYST");
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
      await expect(caller.account.changePassword({ currentPassword: `guess-${attempt}`, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    const before = await userRow(user.id);
    await expect(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fieldErrors: { currentPassword: [expect.stringMatching(/too many/i)] } } },
    });
    expect(await userRow(user.id)).toEqual(before);
  });
});

describe("account.signOutEverywhere", () => {
  it.each([
    ["FOCAL_POINT", "BE"],
    ["ANALYST", undefined],
    ["ADMIN", undefined],
  ] as const)("ends every session of a %s and audits it", async (role, stateIso2) => {
    const { caller, user } = await callerFor(role, stateIso2);
    const claims = await signInClaims(user.id);
    await caller.account.signOutEverywhere();

    expect(await loadActor(claims, null)).toBeNull();
    const row = await userRow(user.id);
    expect(row.sessionVersion).toBe(claims.sv + 1);
    expect(row.passwordHash).toBe(user.passwordHash);
    const audit = await userAudit(user.id, "account.signed_out_everywhere");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorRole: role });
  });

  it("refuses unknown keys (T05), changing nothing", async () => {
    const { caller, user } = await callerFor("ANALYST");
    await expect(caller.account.signOutEverywhere({ sessionVersion: 1 } as unknown as Record<string, never>)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await userRow(user.id)).sessionVersion).toBe(user.sessionVersion);
  });
});
