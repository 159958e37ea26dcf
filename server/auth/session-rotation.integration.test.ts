import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueClaims } from "@/server/auth/session";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { authOptions } from "@/server/auth/options";
import { createRequestContext } from "@/server/api/trpc";
import { proxy } from "@/proxy";
import { createTestUser } from "@/server/test/factories";

const PREVIOUS = "previous-secret-0123456789abcdef0123456789abcdef";
const CURRENT = "current-secret-fedcba9876543210fedcba9876543210";
const COOKIE = "next-auth.session-token";

/** A session cookie as next-auth makes it at sign-in, signed with `secret`. */
async function sessionToken(secret: string, maxAge = 600) {
  const user = await createTestUser({ role: "ANALYST" });
  const token = await encode({
    token: issueClaims(user),
    secret,
    maxAge,
  });
  return { user, token };
}

const apiRequest = (token: string) => new Request("http://localhost/api/trpc/account.me", { headers: { cookie: `${COOKIE}=${token}` } });
const pageRequest = (token: string) => new NextRequest("http://localhost/commitments", { headers: { cookie: `${COOKIE}=${token}` } });

describe("T24 session secret rotation", () => {
  const saved = { current: process.env.NEXTAUTH_SECRET, previous: process.env.NEXTAUTH_SECRET_PREVIOUS };

  beforeEach(() => {
    process.env.NEXTAUTH_SECRET = CURRENT;
  });

  afterEach(() => {
    for (const [key, value] of [["NEXTAUTH_SECRET", saved.current], ["NEXTAUTH_SECRET_PREVIOUS", saved.previous]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("T24 a session signed with the previous secret is accepted after rotation, everywhere a token is read", async () => {
    process.env.NEXTAUTH_SECRET_PREVIOUS = `another-retired-secret-0123456789abcdef, ${PREVIOUS}`;
    const { user, token } = await sessionToken(PREVIOUS);

    const context = await createRequestContext(apiRequest(token));
    expect(context.actor.kind === "user" && context.actor.id).toBe(user.id);

    const decoded = await authOptions.jwt!.decode!({ token, secret: CURRENT });
    expect(decoded?.uid).toBe(user.id);

    const response = await proxy(pageRequest(token));
    expect(response.headers.get("location")).toBeNull();
    // The sliding refresh re-signs the session with the current secret.
    const refreshed = response.cookies.get(COOKIE)?.value;
    expect(refreshed).toBeTruthy();
    expect((await decode({ token: refreshed!, secret: CURRENT }))?.uid).toBe(user.id);
  });

  it("T24 new sessions are signed with the current secret only", async () => {
    process.env.NEXTAUTH_SECRET_PREVIOUS = PREVIOUS;
    const { user, token } = await sessionToken(CURRENT);
    const context = await createRequestContext(apiRequest(token));
    expect(context.actor.kind === "user" && context.actor.id).toBe(user.id);
    await expect(decode({ token, secret: PREVIOUS })).rejects.toThrow();
  });

  it("T24 once the previous secret is removed, its sessions are refused", async () => {
    delete process.env.NEXTAUTH_SECRET_PREVIOUS;
    const { token } = await sessionToken(PREVIOUS);

    expect((await createRequestContext(apiRequest(token))).actor.kind).toBe("public");
    expect(await authOptions.jwt!.decode!({ token, secret: CURRENT })).toBeNull();
    const response = await proxy(pageRequest(token));
    expect(new URL(response.headers.get("location")!).pathname).toBe("/sign-in");
  });

  it("T24 a previous secret does not extend its sessions beyond their expiry", async () => {
    process.env.NEXTAUTH_SECRET_PREVIOUS = PREVIOUS;
    const { token } = await sessionToken(PREVIOUS, -60);
    expect((await createRequestContext(apiRequest(token))).actor.kind).toBe("public");
  });
});
