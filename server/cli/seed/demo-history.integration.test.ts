// The demo data of a fresh install shows the product: a history over the years since 2017, work
// waiting for the secretariat, disagreeing assessments, a UPR list imported with the importer, and
// 2017 recommendations that keep the press release's sentence and who said it. Seeded by `npm
// start`'s steps in a database of its own, as on a fresh install.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "@/server/cli/database";
import { ALLIANCE_2017_RECOMMENDATIONS, ALLIANCE_2017_SOURCE } from "@/server/cli/seed/alliance-2017";
import { DEMO_HISTORY_STATES } from "@/server/cli/seed/demo-history";
import { withDatabase } from "@/server/test/database-url";
import { runScript } from "@/server/test/run-script";
import { withClient } from "@/server/test/sql";

const serverUrl = inject("databaseUrl");
const name = `demo_history_${crypto.randomBytes(4).toString("hex")}`;
const url = withDatabase(serverUrl, name);

async function seedDemo() {
  const run = await runScript(["server/test/start-steps.ts", "--demo"], { env: { DATABASE_URL: url }, timeoutMs: 240_000 });
  expect({ code: run.code, output: run.stdout + run.stderr }).toEqual({ code: 0, output: expect.stringContaining("ready") });
}

async function query<T extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, values)).rows);
}

beforeAll(async () => {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  await seedDemo();
}, 300_000);

afterAll(async () => {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe("the demo data of a fresh install", () => {
  it("has a few dozen States with accepted updates spread over the quarters since 2017", async () => {
    const [row] = await query<{ states: number; quarters: number; first: Date; last: Date; accepted: number }>(
      `SELECT count(DISTINCT c."stateId")::int AS states,
              count(DISTINCT date_trunc('quarter', h."effectiveAt"))::int AS quarters,
              min(h."effectiveAt") AS first, max(h."effectiveAt") AS last, count(*)::int AS accepted
       FROM "CommitmentStatusChange" h JOIN "Commitment" c ON c.id = h."commitmentId"
       WHERE h."updateId" IS NOT NULL`,
    );
    expect(row!.states).toBeGreaterThanOrEqual(24);
    expect(row!.quarters).toBeGreaterThanOrEqual(16);
    expect(row!.first.getTime()).toBeGreaterThanOrEqual(Date.UTC(2017, 3, 4));
    expect(row!.last.getTime()).toBeLessThan(Date.now());
    // Each accepted update is its commitment's status from then on: the commitments agree with their last change.
    const disagreeing = await query(
      `SELECT c.id FROM "Commitment" c
       JOIN LATERAL (SELECT "statusId", "effectiveAt" FROM "CommitmentStatusChange" WHERE "commitmentId" = c.id ORDER BY "effectiveAt" DESC LIMIT 1) last ON true
       WHERE last."statusId" <> c."acceptedStatusId"`,
    );
    expect(disagreeing).toEqual([]);
    // The 2017 commitments were published when the conference closed, before any update.
    const [published] = await query<{ at: Date }>(`SELECT max("publishedAt") AS at FROM "Recommendation" r JOIN "Source" s ON s.id = r."sourceId" WHERE s.title = $1`, [ALLIANCE_2017_SOURCE.title]);
    expect(published!.at.toISOString().slice(0, 10)).toBe("2017-04-04");
  });

  it("has updates waiting for review and returned ones, and assessments that disagree with the State's status", async () => {
    const [row] = await query<{ submitted: number; returned: number; disagreeing: number }>(
      `SELECT (SELECT count(*) FROM "ProgressUpdate" WHERE "reviewState" = 'SUBMITTED')::int AS submitted,
              (SELECT count(*) FROM "ProgressUpdate" WHERE "reviewState" = 'RETURNED' AND "reviewComment" <> '')::int AS returned,
              (SELECT count(*) FROM "Assessment" a JOIN "Commitment" c ON c.id = a."commitmentId" WHERE a."statusId" <> c."acceptedStatusId")::int AS disagreeing`,
    );
    expect(row!.submitted).toBeGreaterThanOrEqual(5);
    expect(row!.returned).toBeGreaterThanOrEqual(2);
    expect(row!.disagreeing).toBeGreaterThanOrEqual(3);
    // The demo focal points' own States start clean, and every demo text says it is demo data.
    const clean = await query(`SELECT u.id FROM "ProgressUpdate" u JOIN "Commitment" c ON c.id = u."commitmentId" JOIN "State" s ON s.id = c."stateId" WHERE s.iso2 IN ('AT', 'DE', 'IT')`);
    expect(clean).toEqual([]);
    const unlabelled = await query(`SELECT id FROM "ProgressUpdate" WHERE narrative NOT LIKE 'Demo data%'`);
    expect(unlabelled).toEqual([]);
    const reporters = await query<{ email: string; active: boolean; name: string }>(`SELECT email, active, name FROM "User" WHERE email LIKE 'demo.reporter.%'`);
    expect(reporters).toHaveLength(DEMO_HISTORY_STATES.length);
    expect(reporters.every((user) => !user.active && user.name.startsWith("Demo focal point"))).toBe(true);
  });

  it("has a UPR list imported through the importer, labelled as demo data, published to its State only", async () => {
    const sources = await query<{ id: string; title: string; description: string; published: number; states: string[] }>(
      `SELECT s.id, s.title, s.description,
              count(DISTINCT r.id) FILTER (WHERE r.publication = 'PUBLISHED')::int AS published,
              array_agg(DISTINCT st.iso2) AS states
       FROM "Source" s JOIN "Recommendation" r ON r."sourceId" = s.id
       JOIN "Commitment" c ON c."recommendationId" = r.id JOIN "State" st ON st.id = c."stateId"
       WHERE r."uprSession" IS NOT NULL GROUP BY s.id`,
    );
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ title: "UPR 40th session: Moldova", published: 12, states: ["MD"] });
    expect(sources[0]!.description).toMatch(/^Demo data/);
    const imports = await query<{ after: { fileName?: string } }>(`SELECT after FROM "AuditEvent" WHERE action = 'recommendations.imported'`);
    expect(imports).toHaveLength(1);
  });

  it("keeps each 2017 recommendation's sentence of the press release and who said it, and the source links the release", async () => {
    const release = fs.readFileSync(path.join(PROJECT_ROOT, "prisma", "data", "alliance-2017-press-release.txt"), "utf8");
    const rows = await query<{ reference: string; sourcePassage: string; sourcePassageBy: string; fromSpeech: boolean; link: string }>(
      `SELECT r.reference, r."sourcePassage", r."sourcePassageBy", r."fromSpeech", s.link
       FROM "Recommendation" r JOIN "Source" s ON s.id = r."sourceId" WHERE s.title = $1 ORDER BY r.reference`,
      [ALLIANCE_2017_SOURCE.title],
    );
    expect(rows.map((row) => row.reference)).toEqual(ALLIANCE_2017_RECOMMENDATIONS.map((item) => item.reference));
    for (const row of rows) {
      expect(release, row.reference).toContain(row.sourcePassage);
      expect(row.sourcePassageBy.length, row.reference).toBeGreaterThan(5);
      expect(row.link).toBe("https://www.osce.org/secretariat/309571");
    }
    // Most are a speaker's words; the conference's own calls say so too.
    expect(rows.filter((row) => row.fromSpeech).length).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.fromSpeech).length).toBeGreaterThan(0);
  });

  it("is written once: seeding again changes nothing", async () => {
    const count = () => query<{ updates: number; sources: number; users: number }>(
      `SELECT (SELECT count(*) FROM "ProgressUpdate")::int AS updates, (SELECT count(*) FROM "Source")::int AS sources, (SELECT count(*) FROM "User")::int AS users`,
    );
    const before = await count();
    const run = await runScript(["server/cli/seed.ts"], { env: { DATABASE_URL: url }, timeoutMs: 240_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(await count()).toEqual(before);
  });
});
