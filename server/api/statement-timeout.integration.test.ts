import { sendInput } from "@/server/test/trpc-http";
import { describe, expect, it, vi } from "vitest";

// Set before the database client is imported (vi.hoisted runs ahead of the imports below).
vi.hoisted(() => {
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "800";
});

import { Prisma } from "@/prisma/generated/client";
import type { Context } from "@/server/api/trpc";
import { db, queryRows } from "@/server/db/client";
import { isDatabaseTimeout } from "@/server/services/errors";
import { GET as exportRoute } from "@/app/api/reports/export/route";
import { contextFor, createPublishedCommitments, createTestUser, visitorContext } from "@/server/test/factories";
import { lockRow, lockTable, waitForBlockedStatements } from "@/server/test/locks";

// T22: a request's SQL statement is cancelled by PostgreSQL past DATABASE_STATEMENT_TIMEOUT_MS
// (800 ms in this file), and the client gets a clear 503, never a 500 with the driver's text.

const INTERNALS = /prisma|postgres|statement timeout|canceling|SELECT|"Commitment"|P\d{4}|\bat \S+\.ts:\d+/i;
const visitor = visitorContext("timeout-test");

function trpc(path: string, input: unknown, context: Context, method: "GET" | "POST" = "GET") {
  return sendInput(path, method === "GET" ? "query" : "mutation", input, context);
}

describe("statement timeout (T22)", () => {
  it("T22 the pool's statement_timeout cancels a slow query, through queryRows and through Prisma", async () => {
    const started = Date.now();
    const viaPool = await queryRows(Prisma.sql`SELECT pg_sleep(5)`).catch((error: unknown) => error);
    const viaPrisma = await db.$queryRaw`SELECT pg_sleep(5)`.catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(isDatabaseTimeout(viaPool)).toBe(true);
    expect(isDatabaseTimeout(viaPrisma)).toBe(true);
  });

  it("T22 a report whose query runs past the timeout answers 503 with a clear message and no internals", async () => {
    await createPublishedCommitments(["AT"]);
    const lock = await lockTable("Commitment");
    let result: { status: number; body: string };
    try {
      result = await trpc("reports.matrix", { columnLimit: 5 }, visitor);
    } finally {
      await lock.release();
    }
    expect(result.status).toBe(503);
    expect(result.body).toContain("took too long");
    expect(result.body).not.toMatch(INTERNALS);
    // The pool is fine afterwards.
    expect((await trpc("reports.matrix", { columnLimit: 5 }, visitor)).status).toBe(200);
  });

  it("T22 an export whose query runs past the timeout answers 503 with a clear message", async () => {
    const lock = await lockTable("Commitment");
    let response: Response;
    try {
      response = await exportRoute(new Request("http://localhost/api/reports/export?report=matrix&format=csv"));
    } finally {
      await lock.release();
    }
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).toContain("took too long");
    expect(body).not.toMatch(INTERNALS);
  });

  it("T22 a write that waits past the timeout inside its transaction answers 503 and changes nothing", async () => {
    const world = await createPublishedCommitments(["AT"]);
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const focal = await contextFor(user.id, "timeout-write");
    const content = (narrative: string) => ({ statusId: world.statuses.planned!.id, progress: 10, narrative, evidence: [] });
    const draft = await trpc("commitments.saveDraft", { commitmentId: world.commitments.AT!.id, content: content("first") }, focal, "POST");
    expect(draft.status).toBe(200);
    const { id, version } = JSON.parse(draft.body).result.data as { id: string; version: number };

    const lock = await lockRow("ProgressUpdate", id);
    let result: { status: number; body: string };
    try {
      result = await trpc("commitments.saveDraft", { commitmentId: world.commitments.AT!.id, updateId: id, expectedVersion: version, content: content("second") }, focal, "POST");
    } finally {
      await lock.release();
    }
    expect(result.status).toBe(503);
    expect(result.body).toContain("took too long");
    expect(result.body).not.toMatch(INTERNALS);
    const stored = await db.progressUpdate.findUniqueOrThrow({ where: { id } });
    expect({ narrative: stored.narrative, version: stored.version }).toEqual({ narrative: "first", version });
  });

  it("T22 a Prisma read that waits past the timeout answers 503", async () => {
    const lock = await lockTable("Theme");
    try {
      const pending = trpc("recommendations.themes", undefined, visitor);
      await waitForBlockedStatements(1, { like: '%"Theme"%' });
      expect((await pending).status).toBe(503);
    } finally {
      await lock.release();
    }
  });
});
