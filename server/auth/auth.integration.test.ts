import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AccountLockedError, authenticate } from "@/server/auth/authenticate";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { loadActor } from "@/server/auth/session";
import { ZNewPassword } from "@/server/schemas/auth";
import { TEST_PASSWORD, createTestUser } from "@/server/test/factories";

describe("password hashing (T11)", () => {
  it("uses argon2id with 19 MiB, 2 iterations, 1 lane and a unique salt per hash", async () => {
    const first = await hashPassword("same password");
    const second = await hashPassword("same password");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toEqual(second);
    expect(await verifyPassword(first, "same password")).toBe(true);
    expect(await verifyPassword(first, "other password")).toBe(false);
  });

  it("accepts 8 to 128 characters of any kind, without truncation", async () => {
    expect(ZNewPassword.safeParse("1234567").success).toBe(false);
    expect(ZNewPassword.safeParse("12345678").success).toBe(true);
    expect(ZNewPassword.safeParse("пароль-密码-🔐".repeat(4)).success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(64)).success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(128)).success).toBe(true);
    expect(ZNewPassword.safeParse("x".repeat(129)).success).toBe(false);
    expect(ZNewPassword.safeParse("abc\u0000defgh").success).toBe(false);
    const long = "y".repeat(100);
    const hashed = await hashPassword(long);
    expect(await verifyPassword(hashed, long.slice(0, 99))).toBe(false);
  });
});

describe("sign-in", () => {
  it("returns the user for the right password, in any letter case of the email", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const result = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(result?.id).toBe(user.id);
  });

  it("answers unknown email and wrong password alike (null)", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    expect(await authenticate({ email: user.email, password: "wrong password" }, null)).toBeNull();
    expect(await authenticate({ email: "nobody-at-all@test.example", password: TEST_PASSWORD }, null)).toBeNull();
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, null)).toBeNull();
  });

  it("locks an account after 5 failures in 15 minutes, refuses the right password, and unlocks after 15 minutes (T09)", async () => {
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "FR" });
    for (let attempt = 0; attempt < 5; attempt++) {
      // A rotating forwarded-for address does not get around the account lock.
      expect(await authenticate({ email: user.email, password: `wrong-${attempt}` }, `192.0.2.${attempt}`)).toBeNull();
    }
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, "192.0.2.99")).rejects.toBeInstanceOf(AccountLockedError);
    const throttled = await db.loginAttempt.count({ where: { email: user.email, outcome: "THROTTLED" } });
    expect(throttled).toBe(1);

    const lock = await db.loginLock.findUniqueOrThrow({ where: { key: `email:${user.email}` } });
    const minutes = (lock.lockedUntil.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Fifteen minutes later: the lock and the failures have aged out.
    const past = new Date(Date.now() - 16 * 60_000);
    await db.loginLock.update({ where: { key: `email:${user.email}` }, data: { lockedUntil: past } });
    await db.loginAttempt.updateMany({ where: { email: user.email }, data: { createdAt: past } });
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, null))?.id).toBe(user.id);
  });

  it("keeps the lock in PostgreSQL, so every app instance sees it", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    for (let attempt = 0; attempt < 5; attempt++) await authenticate({ email: user.email, password: "nope-nope" }, null);
    expect(await db.loginLock.count({ where: { key: `email:${user.email}`, lockedUntil: { gt: new Date() } } })).toBe(1);
  });

  it("four failures then a success start the count afresh", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    for (let attempt = 0; attempt < 4; attempt++) await authenticate({ email: user.email, password: "nope-nope" }, null);
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, null))?.id).toBe(user.id);
    await authenticate({ email: user.email, password: "nope-nope" }, null);
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, null))?.id).toBe(user.id);
  });
});

describe("sessions (T04, T10)", () => {
  const claimsFor = (user: { id: string; sessionVersion: number }, authTime = Math.floor(Date.now() / 1000)) => ({
    uid: user.id,
    sv: user.sessionVersion,
    authTime,
  });

  it("loads the actor with role and State from the database", async () => {
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const actor = await loadActor(claimsFor(user), "req-1");
    expect(actor).toMatchObject({ id: user.id, role: "FOCAL_POINT", stateIso2: "AT", stateName: "Austria", requestId: "req-1" });
  });

  it("ends every session when the session version is bumped (sign out everywhere, password or role change)", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const claims = claimsFor(user);
    expect(await loadActor(claims, null)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 }, role: "ADMIN" } });
    expect(await loadActor(claims, null)).toBeNull();
  });

  it("ends the session of a deactivated user on the next request", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    const claims = claimsFor(user);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadActor(claims, null)).toBeNull();
  });

  it("ends a session 12 hours after sign-in however active", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const thirteenHoursAgo = Math.floor(Date.now() / 1000) - 13 * 3600;
    expect(await loadActor(claimsFor(user, thirteenHoursAgo), null)).toBeNull();
  });

  it("treats a token without the expected claims as signed out", async () => {
    expect(await loadActor(null, null)).toBeNull();
    expect(await loadActor({ uid: "not-a-user" } as never, null)).toBeNull();
  });
});
