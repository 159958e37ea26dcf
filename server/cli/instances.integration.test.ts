// T25: several app instances on one PostgreSQL. Two production servers (`next start` of the
// .next-test build, built here when missing or older than the sources) share the test database
// and one session secret, as two instances behind a load balancer would; the client talks to
// each one directly and proves that nothing an instance needs lives in its own memory.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AppClient, CallError } from "@/bench/lib/http";
import { ensureBuild, startServer, type AppServer } from "@/bench/lib/server";
import { ACCOUNT_LOCKED_ERROR } from "@/server/shared/sign-in-errors";
import { PROJECT_ROOT } from "@/server/cli/database";
import { db } from "@/server/db/client";
import { findFreePort } from "@/server/cli/postgres/embedded";
import { ALLIANCE_2017_RECOMMENDATIONS, ALLIANCE_2017_SOURCE } from "@/server/cli/seed/alliance-2017";
import { DEMO_HISTORY_STATES, DEMO_UPR_FILE } from "@/server/cli/seed/demo-history";
import { readStates } from "@/server/cli/seed/reference-data";
import { DEMO_USERS } from "@/server/services/demo-accounts";
import { withDatabase } from "@/server/test/database-url";
import { TEST_PASSWORD, createPublishedCommitments, createTestUser } from "@/server/test/factories";
import { runScript } from "@/server/test/run-script";
import { withClient } from "@/server/test/sql";

const TEST_DIST_DIR = ".next-test";
const EXPORTS_PER_MINUTE = 3;

/** Runs `npm start`'s database steps (server/test/start-steps.ts) in a process of its own. */
async function runStartSteps(databaseUrl: string) {
  const run = await runScript(["server/test/start-steps.ts", "--demo"], { env: { DATABASE_URL: databaseUrl }, timeoutMs: 150_000 });
  return { code: run.code, output: run.stdout + run.stderr };
}


describe("T25 several instances: starting together", () => {
  it("T25 migrations, reference data and demo data started by two instances at once are applied once, and both get ready", async () => {
    const serverUrl = inject("databaseUrl");
    const name = `instances_${crypto.randomBytes(4).toString("hex")}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(serverUrl, name);
    try {
      const [first, second] = await Promise.all([runStartSteps(url), runStartSteps(url)]);
      expect({ code: first.code, output: first.output }).toEqual({ code: 0, output: expect.stringContaining("ready") });
      expect({ code: second.code, output: second.output }).toEqual({ code: 0, output: expect.stringContaining("ready") });
      // Exactly one of them created the demo data.
      expect([first.output, second.output].filter((output) => output.includes("demo data created"))).toHaveLength(1);

      const migrations = fs
        .readdirSync(path.join(PROJECT_ROOT, "prisma", "migrations"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const counts = await withClient(url, async (client) => {
        const applied = await client.query<{ migration_name: string; runs: number; finished: number }>(
          `SELECT migration_name, count(*)::int AS runs, count(*) FILTER (WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL)::int AS finished
           FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name`,
        );
        const rows = await client.query<Record<string, number>>(
          `SELECT (SELECT count(*) FROM "State")::int AS states,
                  (SELECT count(*) FROM "State" WHERE kind = 'PARTICIPATING')::int AS participating,
                  (SELECT count(*) FROM "StatusScale" WHERE "isDefault")::int AS default_scales,
                  (SELECT count(*) FROM "Source" WHERE title = $1)::int AS demo_sources,
                  (SELECT count(*) FROM "Recommendation")::int AS recommendations,
                  (SELECT count(*) FROM "Commitment")::int AS commitments,
                  (SELECT count(*) FROM "User")::int AS users,
                  (SELECT count(*) FROM "AppSetting" WHERE key = 'demo_seeded_at')::int AS demo_markers`,
          [ALLIANCE_2017_SOURCE.title],
        );
        return { applied: applied.rows, ...rows.rows[0]! };
      });
      expect(counts.applied).toEqual(migrations.map((migration) => ({ migration_name: migration, runs: 1, finished: 1 })));
      const participating = readStates().filter((state) => state.kind === "PARTICIPATING").length;
      const uprRows = fs.readFileSync(DEMO_UPR_FILE, "utf8").trim().split("\n").length - 1;
      expect(counts).toMatchObject({
        states: readStates().length,
        participating,
        default_scales: 1,
        demo_sources: 1,
        // The 2017 recommendations for every participating State, and the demo UPR list's for its one State.
        recommendations: ALLIANCE_2017_RECOMMENDATIONS.length + uprRows,
        commitments: ALLIANCE_2017_RECOMMENDATIONS.length * participating + uprRows,
        // The demo accounts, and the deactivated focal points who signed the demo history.
        users: DEMO_USERS.length + DEMO_HISTORY_STATES.length,
        demo_markers: 1,
      });
    } finally {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 180_000);
});

describe("T25 several instances: two app servers on one database", () => {
  let a: AppServer | undefined;
  let b: AppServer | undefined;

  beforeAll(async () => {
    await ensureBuild(TEST_DIST_DIR, { quiet: true });
    // One secret for both, as the README asks of every instance; each its own port and pool.
    const secret = crypto.randomBytes(32).toString("base64url");
    const databaseUrl = inject("databaseUrl");
    const ports = [await findFreePort(), await findFreePort()];
    // A small export allowance, so that the shared per-client limit shows within a few requests.
    const env = { RATE_LIMIT_EXPORTS_PER_MINUTE: String(EXPORTS_PER_MINUTE) };
    const started = await Promise.allSettled(ports.map((port) => startServer(databaseUrl, port, { distDir: TEST_DIST_DIR, secret, env })));
    // Keep whichever started, so that afterAll stops it even when the other failed.
    [a, b] = started.map((result) => (result.status === "fulfilled" ? result.value : undefined));
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }, 900_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** The servers, for tests that run only after beforeAll succeeded. */
  const servers = () => ({ a: a!, b: b! });

  it("T25 a session made on one instance works on the other, and signing out everywhere on one ends it on both", async () => {
    const { a, b } = servers();
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const onA = new AppClient(a.baseUrl);
    await onA.signIn(user.email, TEST_PASSWORD);
    const onB = new AppClient(b.baseUrl, onA.jar); // the same browser, sent to the other instance

    expect(await onB.query("account.profile", undefined)).toMatchObject({ id: user.id, email: user.email, stateIso2: "AT" });
    const page = await onB.text("/commitments");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Austria");
    // Without the cookie the same requests are refused: the cookie is what B recognised.
    const stranger = new AppClient(b.baseUrl);
    await expect(stranger.query("account.profile", undefined)).rejects.toMatchObject({ kind: "UNAUTHORIZED" });
    expect((await stranger.text("/commitments")).status).toBe(307);

    await onB.mutate("account.signOutEverywhere", {});
    await expect(new AppClient(a.baseUrl, onA.jar).query("account.profile", undefined)).rejects.toMatchObject({ kind: "UNAUTHORIZED" });
  });

  it("T25 sign-in throttling is shared: five failures split across both instances lock the account on both", async () => {
    const { a, b } = servers();
    const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "DE" });
    // 3 failures on A and 2 on B: neither instance alone has seen five.
    for (const server of [a, b, a, b, a]) {
      const attempt = await new AppClient(server.baseUrl).attemptSignIn(user.email, "wrong password, guessed");
      expect(attempt).toMatchObject({ signedIn: false, error: "CredentialsSignin" });
    }
    for (const server of [a, b]) {
      const attempt = await new AppClient(server.baseUrl).attemptSignIn(user.email, TEST_PASSWORD);
      expect(attempt).toMatchObject({ signedIn: false, error: ACCOUNT_LOCKED_ERROR });
    }
  });

  it("T25 a stale edit saved on one instance is refused with CONFLICT on the other, naming who changed it and when", async () => {
    const { a, b } = servers();
    const { commitments, statuses } = await createPublishedCommitments(["IT"]);
    const commitmentId = commitments.IT!.id;
    const [first, second] = [await createTestUser({ role: "FOCAL_POINT", stateIso2: "IT" }), await createTestUser({ role: "FOCAL_POINT", stateIso2: "IT" })];
    const onA = new AppClient(a.baseUrl);
    await onA.signIn(first.email, TEST_PASSWORD);
    const onB = new AppClient(b.baseUrl);
    await onB.signIn(second.email, TEST_PASSWORD);
    const content = (narrative: string) => ({ statusId: statuses.planned!.id, progress: 10, narrative, evidence: [] });
    await onA.mutate("commitments.saveDraft", { commitmentId, content: content("first draft") });

    // Both read the same version of the draft, one on each instance.
    type Read = { openUpdate: { id: string; version: number } };
    const [readOnA, readOnB] = [await onA.query<Read>("commitments.get", { id: commitmentId }), await onB.query<Read>("commitments.get", { id: commitmentId })];
    expect(readOnB.openUpdate).toMatchObject({ id: readOnA.openUpdate.id, version: readOnA.openUpdate.version });
    const updateId = readOnA.openUpdate.id;

    const saved = await onA.mutate<{ version: number }>("commitments.saveDraft", { commitmentId, updateId, expectedVersion: readOnA.openUpdate.version, content: content("saved on A") });
    const refused = await onB
      .mutate("commitments.saveDraft", { commitmentId, updateId, expectedVersion: readOnB.openUpdate.version, content: content("stale, on B") })
      .then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(CallError);
    const conflict = refused as CallError;
    expect({ kind: conflict.kind, status: conflict.status }).toEqual({ kind: "CONFLICT", status: 409 });
    expect(conflict.message).toContain(first.name);
    const details = conflict.data.conflict as { changedBy: string; changedAt: string };
    expect(details.changedBy).toBe(first.name);
    expect(Math.abs(new Date(details.changedAt).getTime() - Date.now())).toBeLessThan(60_000);

    const stored = await db.progressUpdate.findUniqueOrThrow({ where: { id: updateId } });
    expect({ narrative: stored.narrative, version: stored.version }).toEqual({ narrative: "saved on A", version: saved.version });
  });

  it("T25 rate limits are shared: one client's export allowance spent across both instances is refused on both with 429 and Retry-After", async () => {
    const { a, b } = servers();
    const exportOn = (server: AppServer) => fetch(`${server.baseUrl}/api/reports/export?report=overdue&format=csv`);
    // Both servers see this test as the same client (127.0.0.1): 2 downloads on A, 1 on B.
    const allowed = [await exportOn(a), await exportOn(a), await exportOn(b)];
    expect(allowed.map((response) => response.status)).toEqual([200, 200, 200]);
    for (const server of [a, b]) {
      const refused = await exportOn(server);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).not.toMatch(/at |\.ts:|SELECT|prisma/i);
    }
  });
});
