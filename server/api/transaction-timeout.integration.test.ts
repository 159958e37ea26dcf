import { sendInput } from "@/server/test/trpc-http";
import { describe, expect, it, vi } from "vitest";

// Set before the database client is imported (vi.hoisted runs ahead of the imports below): a
// transaction may stay open 600 ms, while a statement may run long.
vi.hoisted(() => {
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "30000";
  process.env.DATABASE_TRANSACTION_TIMEOUT_MS = "600";
});

import type { Context } from "@/server/api/trpc";
import { db } from "@/server/db/client";
import { contextFor, createPublishedCommitments, createTestUser } from "@/server/test/factories";
import { lockRow, waitForBlockedStatements } from "@/server/test/locks";

// T22 / T20: an interactive transaction that runs out of time answers 503 with a clear message
// (not 500), and writes nothing.

const INTERNALS = /prisma|postgres|transaction API|P\d{4}|expired|\bat \S+\.ts:\d+/i;

function trpc(path: string, input: unknown, context: Context, method: "GET" | "POST" = "POST") {
  return sendInput(path, method === "GET" ? "query" : "mutation", input, context);
}

async function focalWithDraft() {
  const world = await createPublishedCommitments(["AT"]);
  const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
  const focal = await contextFor(user.id, "tx-timeout");
  const content = (narrative: string) => ({ statusId: world.statuses.planned!.id, progress: 10, narrative, evidence: [] });
  const draft = await trpc("commitments.saveDraft", { commitmentId: world.commitments.AT!.id, content: content("first") }, focal);
  expect(draft.status).toBe(200);
  const { id, version } = JSON.parse(draft.body).result.data as { id: string; version: number };
  const edit = () => trpc("commitments.saveDraft", { commitmentId: world.commitments.AT!.id, updateId: id, expectedVersion: version, content: content("second") }, focal);
  return { id, version, edit };
}

describe("interactive transaction limits (T22)", () => {
  it("T22 a transaction that outlives its timeout answers 503 and is rolled back", async () => {
    const { id, version, edit } = await focalWithDraft();
    const lock = await lockRow("ProgressUpdate", id);
    let pending: ReturnType<typeof edit>;
    try {
      pending = edit();
      // The edit waits on the row inside its transaction until that transaction is past its 600 ms.
      await waitForBlockedStatements(1, { like: '%UPDATE%"ProgressUpdate"%', openForMs: 900 });
    } finally {
      await lock.release();
    }
    const result = await pending;
    expect(result.status).toBe(503);
    expect(result.body).toContain("took too long");
    expect(result.body).not.toMatch(INTERNALS);
    const stored = await db.progressUpdate.findUniqueOrThrow({ where: { id } });
    expect({ narrative: stored.narrative, version: stored.version }).toEqual({ narrative: "first", version });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "update.draft_saved" } })).toBe(0);
  });
});
