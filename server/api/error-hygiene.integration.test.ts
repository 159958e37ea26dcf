import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { actorFor, contextFor, createPublishedCommitments, createTestUser, uniqueSuffix, visitorContext } from "@/server/test/factories";
import { runTestDdl } from "@/server/test/sql";

// T20: through the real HTTP handler and error formatter, clients get codes and clear messages;
// never SQL, table names, stack traces or Prisma codes.

async function post(path: string, input: unknown, context: Context) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }),
    router: appRouter,
    createContext: () => context,
  });
  return { status: response.status, body: await response.text() };
}

async function get(path: string, input: unknown, context: Context) {
  const query = encodeURIComponent(JSON.stringify(input));
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}?input=${query}`),
    router: appRouter,
    createContext: () => context,
  });
  return { status: response.status, body: await response.text() };
}

const INTERNALS = /prisma|postgres|SELECT|INSERT|"ProgressUpdate"|"AuditEvent"|P\d{4}|\bat \S+\.ts:\d+/i;

/** A test trigger that makes this request's audit insert fail with the given PostgreSQL error. */
async function withFailingAudit<T>(requestId: string, raise: string, run: () => Promise<T>): Promise<T> {
  const fn = `fail_${uniqueSuffix()}`;
  await runTestDdl(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NEW."requestId" = '${requestId}' THEN ${raise}; END IF; RETURN NEW; END; $$`);
  await runTestDdl(`CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  try {
    return await run();
  } finally {
    await runTestDdl(`DROP TRIGGER ${fn} ON "AuditEvent"; DROP FUNCTION ${fn}()`);
  }
}

describe("error hygiene (T20)", () => {
  it("T20 an unexpected database failure is a 500 masked with a request id", async () => {
    const world = await createPublishedCommitments(["AT"]);
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const requestId = `fail-${uniqueSuffix()}`;
    const actor = await actorFor(user.id, requestId);
    const fn = `fail_${uniqueSuffix()}`;
    await runTestDdl(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW."requestId" = '${requestId}' THEN RAISE EXCEPTION 'relation "AuditEvent" exploded at SELECT'; END IF; RETURN NEW; END; $$`);
    await runTestDdl(`CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const result = await post(
        "commitments.saveDraft",
        { commitmentId: world.commitments.AT!.id, content: { statusId: world.statuses.planned!.id, progress: 10, narrative: "x", evidence: [] } },
        { actor, requestId },
      );
      expect(result.status).toBe(500);
      expect(result.body).toContain(`Reference: ${requestId}`);
      expect(result.body).not.toMatch(INTERNALS);
    } finally {
      await runTestDdl(`DROP TRIGGER ${fn} ON "AuditEvent"; DROP FUNCTION ${fn}()`);
    }
  });

  it("T20 invalid ids, unknown ids and bad input get 400/404 with clear messages", async () => {
    const visitor = visitorContext();
    const badId = await get("commitments.get", { id: "not-a-uuid" }, visitor);
    expect(badId.status).toBe(400);
    expect(badId.body).toContain("Not a valid id");
    expect(badId.body).not.toMatch(INTERNALS);
    const unknown = await get("commitments.get", { id: "0195b0a0-0000-7000-8000-000000000000" }, visitor);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("Commitment not found.");
    const user = await createTestUser({ role: "ANALYST" });
    const analyst = await contextFor(user.id);
    const missing = await post("review.assess", { commitmentId: "0195b0a0-0000-7000-8000-000000000000", expectedVersion: 1, statusId: "0195b0a0-0000-7000-8000-000000000000", rationale: "x", isPublic: true }, analyst);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("Commitment not found.");
    expect(missing.body).not.toMatch(INTERNALS);
  });

  it("T20 a unique violation becomes a 409 with a field error, not a driver message", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    const admin = await contextFor(user.id);
    const input = { name: "Twice", email: `twice-${uniqueSuffix()}@test.example`, role: "ANALYST", password: "a long enough password", mustChangePassword: false };
    expect((await post("users.create", input, admin)).status).toBe(200);
    const again = await post("users.create", input, admin);
    expect(again.status).toBe(409);
    expect(again.body).toContain("already exists");
    expect(again.body).not.toMatch(INTERNALS);
  });

  for (const [name, raise] of [
    ["foreign-key", `RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = 'insert or update on table "EvidenceLink" violates foreign key constraint "EvidenceLink_updateId_fkey"'`],
    ["unique", `RAISE EXCEPTION USING ERRCODE = 'unique_violation', MESSAGE = 'duplicate key value violates unique constraint "ProgressUpdate_pkey"'`],
  ] as const) {
    it(`T20 a ${name} violation no rule foresaw (a row changed meanwhile) becomes a 409 with a request id, not a driver message`, async () => {
      const world = await createPublishedCommitments(["AT"]);
      const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
      const requestId = `${name}-${uniqueSuffix()}`;
      const actor = await actorFor(user.id, requestId);
      const result = await withFailingAudit(requestId, raise, () =>
        post(
          "commitments.saveDraft",
          { commitmentId: world.commitments.AT!.id, content: { statusId: world.statuses.planned!.id, progress: 10, narrative: "x", evidence: [] } },
          { actor, requestId },
        ),
      );
      expect(result.status).toBe(409);
      expect(result.body).toContain(requestId);
      expect(result.body).not.toMatch(INTERNALS);
      expect(result.body).not.toMatch(/violates|constraint|EvidenceLink|_pkey|_fkey/);
    });
  }
});
