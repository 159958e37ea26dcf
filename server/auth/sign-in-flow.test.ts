import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { loadActor } from "@/server/auth/session";
import { ACCOUNT_LIMIT } from "@/server/auth/throttle";
import { SOCKET_ADDRESS_HEADER, markServedWithSocketAddress } from "@/server/platform/client-address";
import { counterKey } from "@/server/platform/rate-limit";
import { TEST_PASSWORD, createTestUser } from "@/server/test/factories";
import { TEST_ORIGIN, claimsOf, signInThroughNextAuth, signOutThroughNextAuth } from "@/server/test/next-auth";

// What a sign-in form may show: next-auth's generic refusal, the lock, or "unavailable".
const KNOWN_ERRORS = new Set(["CredentialsSignin", "AccountLocked", "ServiceUnavailable"]);

describe("sign-in error text (T20)", () => {
  it("T20 a NUL byte in the email gets the generic refusal, not database text", async () => {
    const answer = await signInThroughNextAuth({ email: "someone\u0000@test.example", password: TEST_PASSWORD });
    expect(answer.error).toBe("CredentialsSignin");
    expect(answer.redirect).not.toMatch(/invalid|byte|sequence|prisma|postgres|0x00/i);
    expect(answer.sessionToken).toBeNull();
  });

  it("T20 an over-long or malformed email gets the generic refusal", async () => {
    for (const email of [`${"x".repeat(300)}@test.example`, "x".repeat(5000), "not an email", "a@b", "\ud800@test.example"]) {
      const answer = await signInThroughNextAuth({ email, password: TEST_PASSWORD });
      expect(answer.error).toBe("CredentialsSignin");
      expect(answer.sessionToken).toBeNull();
    }
  });

  it("a right password signs in and redirects to this origin", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const answer = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/reports?x=1" });
    expect(answer.error).toBeNull();
    expect(answer.sessionToken).toBeTruthy();
    expect(answer.redirect).toBe(`${TEST_ORIGIN}/reports?x=1`);
  });

  it("every refusal names one of the known error codes", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const answer = await signInThroughNextAuth({ email: user.email, password: "wrong password" });
    expect(KNOWN_ERRORS.has(answer.error ?? "")).toBe(true);
  });
});

describe("open redirect through next-auth's redirect callback (T21)", () => {
  const tricky = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/",
    "http://localhost:3120@evil.example/",
    "javascript:alert(1)",
    " //evil.example",
  ];

  it("T21 a sign-in with a tricky callbackUrl redirects to a clean path on this origin", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    for (const callbackUrl of tricky) {
      const answer = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD, callbackUrl });
      expect(answer.error, callbackUrl).toBeNull();
      // As a browser reads the Location header: it drops tabs and newlines and reads "\" as "/".
      expect(answer.redirect, callbackUrl).not.toMatch(/[\t\n\r\\]/);
      const target = new URL(answer.redirect);
      expect(target.origin, callbackUrl).toBe(TEST_ORIGIN);
      expect(target.pathname.startsWith("//"), callbackUrl).toBe(false);
    }
  });
});

describe("sign-out revokes the session (T10)", () => {
  it("T10 a copy of the session cookie is refused after signing out", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const { sessionToken } = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD });
    const copied = await claimsOf(sessionToken!);
    expect(await loadActor(copied, null)).not.toBeNull();

    await signOutThroughNextAuth(sessionToken!);
    expect(await loadActor(copied, null)).toBeNull();
  });

  it("T10 signing out ends that session only; another sign-in of the same user still works", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const first = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD });
    const second = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD });
    await signOutThroughNextAuth(first.sessionToken!);
    expect(await loadActor(await claimsOf(first.sessionToken!), null)).toBeNull();
    expect(await loadActor(await claimsOf(second.sessionToken!), null)).not.toBeNull();
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});

describe("brute force through the sign-in endpoint (T09)", () => {
  afterEach(() => markServedWithSocketAddress(false));

  it("T09 20 wrong passwords with rotating X-Forwarded-For: throttled after 5, right password refused while locked, lock expires", async () => {
    markServedWithSocketAddress(true);
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "NL" });
    const socket = "192.0.2.77";
    const errors: (string | null)[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await signInThroughNextAuth({
        email: user.email,
        password: `wrong-${attempt}`,
        headers: { [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": `203.0.113.${attempt}` },
      });
      errors.push(answer.error);
    }
    expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), ...Array(15).fill("AccountLocked")]);
    // Only the checked attempts are stored, each with the socket's address, never the forged one.
    const attempts = await db.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true, outcome: true } });
    expect(attempts).toEqual(Array(5).fill({ ip: socket, outcome: "FAILED" }));

    const rightWhileLocked = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD, headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.78" } });
    expect(rightWhileLocked.error).toBe("AccountLocked");
    expect(rightWhileLocked.sessionToken).toBeNull();

    // The lock's end, moved into the past as fifteen minutes would.
    await db.$executeRaw`UPDATE "RateLimit" SET expire = ${BigInt(Date.now() - 1000)} WHERE key = ${counterKey(ACCOUNT_LIMIT, user.email)}`;
    const afterLock = await signInThroughNextAuth({ email: user.email, password: TEST_PASSWORD, headers: { [SOCKET_ADDRESS_HEADER]: socket } });
    expect(afterLock.error).toBeNull();
    expect(afterLock.sessionToken).toBeTruthy();
  });
});
