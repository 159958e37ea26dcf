import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AccountLockedError, authenticate } from "@/server/auth/authenticate";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { pruneRevokedSessions } from "@/server/auth/revocation";
import { issueClaims, loadActor } from "@/server/auth/session";
import { ACCOUNT_LIMIT, pruneOldAttempts } from "@/server/auth/throttle";
import { counterKey, pruneExpiredCounters } from "@/server/platform/rate-limit";
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

  it("T09 locks an account after 5 failures in 15 minutes, refuses the right password, and unlocks after 15 minutes", async () => {
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "FR" });
    for (let attempt = 0; attempt < 5; attempt++) {
      // Other addresses do not get around the account lock.
      expect(await authenticate({ email: user.email, password: `wrong-${attempt}` }, `192.0.2.${attempt}`)).toBeNull();
    }
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, "192.0.2.99")).rejects.toBeInstanceOf(AccountLockedError);
    // Refused attempts cost no password check and are not stored (they are logged).
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "FAILED" } })).toBe(5);

    const key = counterKey(ACCOUNT_LIMIT, user.email);
    const [lock] = await db.$queryRaw<{ expire: bigint }[]>`SELECT expire FROM "RateLimit" WHERE key = ${key}`;
    const minutes = (Number(lock!.expire) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Fifteen minutes later (the lock's end moved into the past): the lock and the failures are gone.
    await db.$executeRaw`UPDATE "RateLimit" SET expire = ${BigInt(Date.now() - 60_000)} WHERE key = ${key}`;
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, null))?.id).toBe(user.id);
  });

  it("keeps the lock in PostgreSQL, so every app instance sees it", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    for (let attempt = 0; attempt < 6; attempt++) await authenticate({ email: user.email, password: "nope-nope" }, null).catch(() => null);
    const rows = await db.$queryRaw<{ points: number }[]>`
      SELECT points FROM "RateLimit" WHERE key = ${counterKey(ACCOUNT_LIMIT, user.email)} AND expire > ${BigInt(Date.now())}`;
    expect(rows[0]!.points).toBeGreaterThan(5);
  });

  it("T09 an address is locked after 20 failures on any accounts, and other addresses are not", async () => {
    const address = "198.51.100.20";
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(await authenticate({ email: `nobody-${attempt}-${Date.now()}@test.example`, password: "wrong-password" }, address)).toBeNull();
    }
    const user = await createTestUser({ role: "ANALYST" });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, address)).rejects.toBeInstanceOf(AccountLockedError);
    // The refusal was the address's: the account itself is not locked.
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, "198.51.100.21"))?.id).toBe(user.id);
  });

  it("successful sign-ins do not count against a shared address", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    for (let attempt = 0; attempt < 25; attempt++) {
      expect((await authenticate({ email: user.email, password: TEST_PASSWORD }, "198.51.100.30"))?.id).toBe(user.id);
    }
  });

  it("prunes checked attempts after 30 days, expired counters and revocations", async () => {
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const email = `pruned-${Date.now()}@test.example`;
    await db.loginAttempt.create({ data: { email, ip: null, success: false, outcome: "FAILED", createdAt: old } });
    await db.loginAttempt.create({ data: { email, ip: null, success: false, outcome: "FAILED" } });
    await db.$executeRaw`INSERT INTO "RateLimit" (key, points, expire) VALUES (${`test:${email}`}, 3, ${BigInt(Date.now() - 2 * 3600_000)}), (${`test:fresh:${email}`}, 3, ${BigInt(Date.now() + 60_000)})`;
    const revoked = crypto.randomUUID();
    await db.$executeRaw`INSERT INTO "RevokedSession" (id, "expiresAt") VALUES (${revoked}::uuid, ${new Date(Date.now() - 1000)}), (${crypto.randomUUID()}::uuid, ${new Date(Date.now() + 3600_000)})`;

    await pruneOldAttempts();
    await pruneExpiredCounters();
    await pruneRevokedSessions();
    expect(await db.loginAttempt.count({ where: { email } })).toBe(1);
    expect(await db.$queryRaw`SELECT key FROM "RateLimit" WHERE key LIKE ${`test:%${email}`}`).toEqual([{ key: `test:fresh:${email}` }]);
    expect(await db.$queryRaw`SELECT id FROM "RevokedSession" WHERE id = ${revoked}::uuid`).toEqual([]);
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
  const claimsFor = issueClaims;

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
