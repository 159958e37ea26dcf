// A database outage seen through the real route handlers, with DATABASE_URL pointing at a
// PostgreSQL this file starts, stops and starts again (on the same port, as a restarted server or
// a failover would come back). Every answer during the outage is a 503 that carries its request id,
// each failure is logged once, and the app serves again by itself when PostgreSQL is back.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const outage = await vi.hoisted(async () => {
  const os = await import("node:os");
  const path = await import("node:path");
  const { startEmbeddedPostgres } = await import("@/server/cli/postgres/embedded");
  const dataDir = path.join(os.tmpdir(), `commitment-tracker-outage-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, fresh: true });
  // The app's modules below must bind to this server, not to the shared test database.
  process.env.DATABASE_URL = server.url;
  process.env.NEXTAUTH_SECRET = "outage-test-secret-0123456789abcdef";
  return Object.assign(server, { dataDir });
});

import fs from "node:fs";
import { encode } from "next-auth/jwt";
import { issueClaims } from "@/server/auth/session";
import { migrateDatabase } from "@/server/cli/database";
import { closeDatabase, db } from "@/server/db/client";
import { seedReferenceData } from "@/server/cli/seed/reference-data";
import { logger } from "@/server/platform/log";
import { createTestUser } from "@/server/test/factories";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import * as exportRoute from "@/app/api/reports/export/route";
import * as healthRoute from "@/app/api/health/route";

const INTERNALS = /prisma|postgres|ECONNREFUSED|127\.0\.0\.1|SELECT|"User"|P\d{4}|\bat \S+\.ts:\d+|stack/i;
const ORIGIN = "http://localhost:3000";

let cookie = "";
let sessionToken = "";

beforeAll(async () => {
  await migrateDatabase(outage.url);
  await seedReferenceData(db);
  const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
  sessionToken = await encode({
    token: issueClaims(user),
    secret: process.env.NEXTAUTH_SECRET!,
  });
  cookie = `next-auth.session-token=${sessionToken}`;
});

afterAll(async () => {
  await closeDatabase().catch(() => undefined);
  await outage.stop();
  fs.rmSync(outage.dataDir, { recursive: true, force: true });
});

function trpcGet(path: string, input: unknown, requestId: string) {
  const query = encodeURIComponent(JSON.stringify(input));
  return trpcRoute.GET(
    new Request(`${ORIGIN}/api/trpc/${path}?input=${query}`, { headers: { cookie, "x-request-id": requestId } }),
  );
}

function trpcPost(path: string, input: unknown, requestId: string) {
  return trpcRoute.POST(
    new Request(`${ORIGIN}/api/trpc/${path}`, {
      method: "POST",
      headers: { cookie, origin: ORIGIN, host: "localhost:3000", "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify(input),
    }),
  );
}

function exportGet(requestId: string) {
  return exportRoute.GET(
    new Request(`${ORIGIN}/api/reports/export?report=overdue&format=csv`, { headers: { cookie, "x-request-id": requestId } }),
  );
}

/** Every log call made while `run` runs, as the JSON text a log line would carry. */
async function capturingLogs<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spies = (["fatal", "error", "warn", "info"] as const).map((level) =>
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      lines.push(JSON.stringify(args));
    }) as never),
  );
  try {
    return { result: await run(), lines };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** A 503 that names the request id and nothing internal, for a failure logged once. */
async function expectUnavailableLoggedOnce({ result: response, lines }: { result: Response; lines: string[] }, requestId: string) {
  const text = await response.text();
  expect(response.status).toBe(503);
  expect(text).toContain(requestId);
  expect(text).not.toMatch(INTERNALS);
  expect(mentioning(lines, requestId)).toHaveLength(1);
}

/** Starts the killed server again; its orphaned backends may hold the data folder for a moment. */
async function restartAfterCrash() {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await outage.restart();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const mentioning = (lines: string[], requestId: string) => lines.filter((line) => line.includes(requestId));

describe("T17/T20 a database outage (DATABASE_URL, no supervisor)", () => {
  it("T17 with DATABASE_URL the app reconnects by itself after PostgreSQL is killed: 200, then 503 while it is down, then 200 again", async () => {
    // Several pooled connections, so that dead ones would be met after the restart.
    const before = await Promise.all([1, 2, 3, 4].map((n) => trpcGet("commitments.list", { limit: 5 }, `before-outage-${n}`)));
    expect(before.map((response) => response.status)).toEqual([200, 200, 200, 200]);

    const exited = outage.exited();
    process.kill(outage.pid()!, "SIGKILL");
    await exited;
    const during = await trpcGet("commitments.list", { limit: 5 }, "during-outage");
    expect(during.status).toBe(503);
    expect((await healthRoute.GET()).status).toBe(503);

    await restartAfterCrash();
    // The pool drops the connections of the dead server and makes new ones: no app restart.
    const after = await trpcGet("commitments.list", { limit: 5 }, "after-outage");
    expect(after.status).toBe(200);
    expect((await healthRoute.GET()).status).toBe(200);
  });

  describe("while PostgreSQL is down", () => {
    beforeAll(async () => {
      await outage.stop();
    });
    afterAll(async () => {
      await outage.restart();
    });

    it("T20 database down: a signed-in API query answers 503 SERVICE_UNAVAILABLE with its request id, no internals, logged once", async () => {
      const requestId = "outage-query-1";
      const { result: response, lines } = await capturingLogs(() => trpcGet("commitments.list", { limit: 5 }, requestId));
      const text = await response.text();
      expect(response.status).toBe(503);
      const body = JSON.parse(text) as { error: { message: string; data: { code: string; requestId: string } } };
      expect(body.error.data.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.error.data.requestId).toBe(requestId);
      expect(body.error.message).toContain(requestId);
      expect(text).not.toMatch(INTERNALS);
      const logged = mentioning(lines, requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).not.toContain(sessionToken);
    });

    it("T20 database down: a signed-in mutation answers 503 with its request id, logged once", async () => {
      const requestId = "outage-mutation-1";
      const outcome = await capturingLogs(() =>
        trpcPost("commitments.deleteDraft", { updateId: "0195b0a0-0000-7000-8000-000000000000", expectedVersion: 1 }, requestId),
      );
      await expectUnavailableLoggedOnce(outcome, requestId);
    });

    it("T20 database down: a public API query answers 503 with its request id, logged once", async () => {
      const requestId = "outage-public-1";
      const query = encodeURIComponent(JSON.stringify({ limit: 5 }));
      const outcome = await capturingLogs(() =>
        trpcRoute.GET(new Request(`${ORIGIN}/api/trpc/commitments.list?input=${query}`, { headers: { "x-request-id": requestId } })),
      );
      await expectUnavailableLoggedOnce(outcome, requestId);
    });

    it("T20 database down: a signed-in report export answers 503 with its request id, no internals, logged once", async () => {
      const requestId = "outage-export-1";
      const { result: response, lines } = await capturingLogs(() => exportGet(requestId));
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toEqual({ error: { message: expect.stringContaining(requestId), requestId } });
      expect(text).not.toMatch(INTERNALS);
      const logged = mentioning(lines, requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).not.toContain(sessionToken);
    });

    it("T17 health answers 503 while the database is down", async () => {
      const response = await healthRoute.GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
    });
  });
});
