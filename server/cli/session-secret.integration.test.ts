import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { db, queryRows } from "@/server/db/client";
import { resolveSessionSecret } from "@/server/cli/session-secret";
import { UserFacingError } from "@/server/cli/user-facing-error";
import { runTestDdl } from "@/server/test/sql";

const MIGRATIONS = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");

/** What a dump of the database holds: every row of every table, as text. */
async function dumpEveryTable(): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    Prisma.sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  expect(tables.map((table) => table.name)).toContain("AppSetting");
  let dump = "";
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(Prisma.sql`SELECT row_to_json(t)::text AS row FROM ${Prisma.raw(`"${name.replaceAll('"', '""')}"`)} t`);
    dump += rows.map((row) => row.row).join("\n");
  }
  return dump;
}

describe("T24 secrets at rest", () => {
  let dataDir: string;
  const saved = process.env.NEXTAUTH_SECRET;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-secret-"));
    delete process.env.NEXTAUTH_SECRET;
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = saved;
  });

  it("T24 the generated session secret is in no table: a dump of the database cannot forge a session", async () => {
    const secret = await resolveSessionSecret({ embedded: true, dataDir });
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await dumpEveryTable()).not.toContain(secret);
  });

  it("T24 the generated secret is kept in the data folder, readable by its owner only (mode 0600), and reused", async () => {
    const secret = await resolveSessionSecret({ embedded: true, dataDir });
    const file = path.join(dataDir, "session-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(secret);
    expect(await resolveSessionSecret({ embedded: true, dataDir })).toBe(secret);
  });

  it("T24 with DATABASE_URL, NEXTAUTH_SECRET is required (one line saying how to set it)", async () => {
    const error = await resolveSessionSecret({ embedded: false, dataDir }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain("NEXTAUTH_SECRET");
    expect((error as Error).message).not.toContain("\n");
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("T24 a migration removes the session secret that earlier versions stored in the database", async () => {
    await db.appSetting.upsert({ where: { key: "session_secret" }, create: { key: "session_secret", value: "stored-by-an-earlier-version" }, update: {} });
    const migration = fs.readdirSync(MIGRATIONS).find((name) => name.endsWith("_session_secret_out_of_database"));
    expect(migration, "the migration that removes the stored secret").toBeDefined();
    await runTestDdl(fs.readFileSync(path.join(MIGRATIONS, migration!, "migration.sql"), "utf8"));
    expect(await db.appSetting.findUnique({ where: { key: "session_secret" } })).toBeNull();
  });
});
