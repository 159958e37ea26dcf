import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { issueClaims } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { appRouter, createCaller } from "@/server/api/root";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { createRequestContext } from "@/server/api/trpc";
import { callerFor, createTestUser } from "@/server/test/factories";
import { PROCEDURE_INPUTS } from "@/server/test/procedure-inputs";

// T04: role escalation and stale sessions, through the whole request path: the session cookie
// is read and verified, and the actor re-read from the database, on every request.

const SECRET = "role-escalation test secret, long enough for next-auth";
type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= SECRET;
});

async function cookieFor(claims: Record<string, unknown>, secret = process.env.NEXTAUTH_SECRET!) {
  return `next-auth.session-token=${await encode({ token: claims, secret })}`;
}

const claimsOf = issueClaims;

/** A caller for one HTTP request carrying this cookie, as the API route builds it. */
async function requestWith(cookie: string) {
  const context = await createRequestContext(new Request("http://localhost/api/trpc/users.list", { headers: { cookie } }));
  return { actor: context.actor, caller: createCaller(context) };
}

const usersList = (caller: ReturnType<typeof createCaller>) => caller.users.list({}).then(() => "ok", (error: { code: string }) => error.code);

/** A request with this cookie is a signed-out visitor's: UNAUTHORIZED for a signed-in procedure. */
async function expectSignedOut(cookie: string) {
  const replay = await requestWith(cookie);
  expect(replay.actor.kind).toBe("public");
  expect(await usersList(replay.caller)).toBe("UNAUTHORIZED");
}

describe("role escalation and stale sessions (T04)", () => {
  it("T04 a focal point calling any secretariat or administrator procedure gets FORBIDDEN and changes nothing", async () => {
    const focal = await callerFor("FOCAL_POINT", "AT");
    const guarded = Object.keys(appRouter._def.procedures).filter((name) => ["secretariat", "admin"].includes(PROCEDURE_ACCESS[name]!));
    expect(guarded.length).toBeGreaterThan(15);
    const outcomes: Record<string, string> = {};
    for (const procedure of guarded) {
      const [namespace, name] = procedure.split(".") as [string, string];
      outcomes[procedure] = await (focal.caller as unknown as AnyCaller)[namespace]![name]!(await PROCEDURE_INPUTS[procedure]!()).then(
        () => "ok",
        (error: { code: string }) => error.code,
      );
    }
    expect(Object.values(outcomes).every((code) => code === "FORBIDDEN"), JSON.stringify(outcomes)).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: focal.user.id } })).toBe(0);
  });

  it("T04 a demoted administrator's cookie opens no administrator procedure on the next request", async () => {
    const target = await createTestUser({ role: "ADMIN" });
    const cookie = await cookieFor(claimsOf(target));
    expect(await usersList((await requestWith(cookie)).caller)).toBe("ok");

    // Demoted by another administrator: the role change ends every session of the account.
    const admin = await callerFor("ADMIN");
    const current = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    await admin.caller.users.update({ id: target.id, expectedUpdatedAt: current.updatedAt.toISOString(), role: "ANALYST" });
    await expectSignedOut(cookie);
  });

  it("T04 the role comes from the database on every request, never from the cookie", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    const cookie = await cookieFor(claimsOf(user));
    // Changed behind the session's back (no session version bump): the next request has the new role.
    await db.user.update({ where: { id: user.id }, data: { role: "ANALYST" } });
    const next = await requestWith(cookie);
    expect(next.actor).toMatchObject({ kind: "user", role: "ANALYST" });
    expect(await usersList(next.caller)).toBe("FORBIDDEN");

    // Claims added to a validly signed token change nothing either.
    const focal = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const boasting = await requestWith(await cookieFor({ ...claimsOf(focal), role: "ADMIN", stateId: null }));
    expect(boasting.actor).toMatchObject({ kind: "user", role: "FOCAL_POINT", stateIso2: "AT" });
    expect(await usersList(boasting.caller)).toBe("FORBIDDEN");
  });

  it("T04 a deactivated user's cookie is refused on the next request", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    const cookie = await cookieFor(claimsOf(user));
    expect(await usersList((await requestWith(cookie)).caller)).toBe("ok");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await expectSignedOut(cookie);
  });

  it("T04 a tampered cookie is a signed-out visitor", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const genuine = await cookieFor(claimsOf(admin));
    const value = genuine.slice(genuine.indexOf("=") + 1);
    const flipped = value.slice(0, 40) + (value[40] === "A" ? "B" : "A") + value.slice(41);
    const tampered = [
      await cookieFor(claimsOf(admin), "another secret that the server does not know"),
      `next-auth.session-token=${flipped}`,
      `next-auth.session-token=${value.slice(0, -10)}`,
      await cookieFor({ ...claimsOf(admin), sv: admin.sessionVersion + 1 }),
      await cookieFor({ ...claimsOf(admin), uid: "not-a-user" }),
      `next-auth.session-token=${Buffer.from(JSON.stringify({ ...claimsOf(admin), alg: "none" })).toString("base64url")}`,
    ];
    for (const cookie of tampered) {
      const request = await requestWith(cookie);
      expect(request.actor.kind, cookie.slice(0, 60)).toBe("public");
      expect(await usersList(request.caller)).toBe("UNAUTHORIZED");
    }
  });
});
