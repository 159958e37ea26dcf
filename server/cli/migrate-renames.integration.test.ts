// Renaming migrations keep the data of an existing database: rows written under the old column
// and enum names read the same under the new ones after the app's `migrate deploy`, and the
// rules built on the renamed columns (the partial unique index) still hold.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, migrateDatabase } from "@/server/cli/database";
import { migrateUpTo } from "@/server/cli/restore-apply";
import { withDatabase } from "@/server/test/database-url";
import { withClient } from "@/server/test/sql";

const RENAME = "20261203110000_review_state_and_publication";
const serverUrl = withDatabase(process.env.DATABASE_URL!, "postgres");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-renames-"));
const database = `migrate_renames_${process.pid}`;


afterAll(async () => {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("the review state and publication renames", () => {
  it("keep a published recommendation and a submitted update written before them, and the one-open-update rule", async () => {
    const migrations = fs
      .readdirSync(path.join(PROJECT_ROOT, "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(migrations).toContain(RENAME);
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${database}`));
    const url = withDatabase(serverUrl, database);
    await migrateUpTo(url, migrations.slice(0, migrations.indexOf(RENAME)), work);

    // Written as the previous version of the app stored it: "status" and "state".
    await withClient(url, (client) =>
      client.query(`
        INSERT INTO "State" (id, iso2, iso3, name, kind) VALUES ('0195b0a0-0000-7000-8000-000000000001', 'AT', 'AUT', 'Austria', 'PARTICIPATING');
        INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
          VALUES ('0195b0a0-0000-7000-8000-000000000002', 'analyst@example.org', 'Analyst', 'x', 'ANALYST', now());
        INSERT INTO "Source" (id, title, kind, date, "updatedAt") VALUES ('0195b0a0-0000-7000-8000-000000000003', 'Conference', 'CONFERENCE', '2017-04-03', now());
        INSERT INTO "StatusScale" (id, name) VALUES ('0195b0a0-0000-7000-8000-000000000004', 'Scale');
        INSERT INTO "ScaleStatus" (id, "scaleId", key, label, position, "defaultProgress")
          VALUES ('0195b0a0-0000-7000-8000-000000000005', '0195b0a0-0000-7000-8000-000000000004', 'planned', 'Planned', 0, 10);
        INSERT INTO "Recommendation" (id, "sourceId", reference, text, status, "scaleId", "updatedAt")
          VALUES ('0195b0a0-0000-7000-8000-000000000006', '0195b0a0-0000-7000-8000-000000000003', 'R-1', 'Text', 'PUBLISHED', '0195b0a0-0000-7000-8000-000000000004', now()),
                 ('0195b0a0-0000-7000-8000-000000000007', '0195b0a0-0000-7000-8000-000000000003', 'R-2', 'Text', 'DRAFT', '0195b0a0-0000-7000-8000-000000000004', now());
        INSERT INTO "Commitment" (id, "recommendationId", "stateId", "acceptedStatusId", "updatedAt")
          VALUES ('0195b0a0-0000-7000-8000-000000000008', '0195b0a0-0000-7000-8000-000000000006', '0195b0a0-0000-7000-8000-000000000001', '0195b0a0-0000-7000-8000-000000000005', now());
        INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, state, "updatedAt")
          VALUES ('0195b0a0-0000-7000-8000-000000000009', '0195b0a0-0000-7000-8000-000000000008', '0195b0a0-0000-7000-8000-000000000002', '0195b0a0-0000-7000-8000-000000000005', 10, 'SUBMITTED', now()),
                 ('0195b0a0-0000-7000-8000-00000000000a', '0195b0a0-0000-7000-8000-000000000008', '0195b0a0-0000-7000-8000-000000000002', '0195b0a0-0000-7000-8000-000000000005', 10, 'ACCEPTED', now());
      `),
    );

    await migrateDatabase(url);

    await withClient(url, async (client) => {
      const recommendations = await client.query(`SELECT reference, publication::text FROM "Recommendation" ORDER BY reference`);
      expect(recommendations.rows).toEqual([
        { reference: "R-1", publication: "PUBLISHED" },
        { reference: "R-2", publication: "DRAFT" },
      ]);
      const updates = await client.query(`SELECT id::text, "reviewState"::text AS "reviewState" FROM "ProgressUpdate" ORDER BY id`);
      expect(updates.rows).toEqual([
        { id: "0195b0a0-0000-7000-8000-000000000009", reviewState: "SUBMITTED" },
        { id: "0195b0a0-0000-7000-8000-00000000000a", reviewState: "ACCEPTED" },
      ]);
      const types = await client.query(`SELECT typname FROM pg_type WHERE typname IN ('ReviewState', 'Publication', 'UpdateState', 'RecommendationStatus') ORDER BY 1`);
      expect(types.rows.map((row) => row.typname)).toEqual(["Publication", "ReviewState"]);
      // A second open update of the commitment is still refused by the partial unique index.
      await expect(
        client.query(`INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, "reviewState", "updatedAt")
          VALUES ('0195b0a0-0000-7000-8000-00000000000b', '0195b0a0-0000-7000-8000-000000000008', '0195b0a0-0000-7000-8000-000000000002', '0195b0a0-0000-7000-8000-000000000005', 10, 'DRAFT', now())`),
      ).rejects.toMatchObject({ code: "23505", constraint: "ProgressUpdate_one_open_per_commitment" });
    });
  }, 180_000);
});
