import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { readArchive, type Manifest, type TableEntry } from "@/server/cli/backup-archive";
import {
  MIGRATIONS_TABLE,
  appTablesInLoadOrder,
  copyColumns,
  prepareSession,
  quoteIdent,
  serverVersion,
  tableContent,
  tableNames,
} from "@/server/cli/backup-catalog";
import { PROJECT_ROOT, migrateDatabase, runBin } from "@/server/cli/database";
import { UserFacingError } from "@/server/cli/user-facing-error";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/cli/postgres/connection-check";

const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

export type RestoreSummary = { manifest: Manifest; tables: number; rows: number; postgresVersion: string };

function localMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * A backup is restored at its own migration level, so its rows load into exactly the schema they
 * were read from; newer migrations of this app version are applied by the next `npm start`, which
 * converts the restored data as it would have converted the original. A backup made by a newer
 * app version cannot be loaded into an older schema.
 */
function assertKnownLevel(manifest: Manifest, local: string[]): void {
  const unknown = manifest.migrations.find((name) => !local.includes(name));
  if (unknown) {
    throw new UserFacingError(
      `The backup was made by a newer version of the app (its migration ${unknown} is unknown here): restore it with that version or a later one.`,
    );
  }
  const expected = local.slice(0, manifest.migrations.length);
  if (expected.join("\n") !== manifest.migrations.join("\n")) {
    throw new UserFacingError("The backup's migrations do not match this app's migration history: restore it with the app version that wrote it.");
  }
}

/**
 * Applies this app's migrations up to and including the given ones (a prefix of the history)
 * with the same `prisma migrate deploy` that `npm start` runs.
 */
export async function migrateUpTo(url: string, names: string[], workDir: string): Promise<void> {
  const local = localMigrations();
  if (names.length === local.length) {
    await migrateDatabase(url);
    return;
  }
  // Pointed at a folder holding only those migrations.
  const migrations = path.join(workDir, "migrations");
  fs.mkdirSync(migrations);
  fs.copyFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(migrations, "migration_lock.toml"));
  for (const name of names) fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(migrations, name), { recursive: true });
  const config = path.join(workDir, "prisma.config.mjs");
  fs.writeFileSync(
    config,
    `export default {\n` +
      `  schema: ${JSON.stringify(path.join(PROJECT_ROOT, "prisma", "schema.prisma"))},\n` +
      `  migrations: { path: ${JSON.stringify(migrations)} },\n` +
      `  datasource: { url: process.env.DATABASE_URL },\n};\n`,
  );
  const { code, output } = await runBin("prisma", ["migrate", "deploy", "--config", config], {
    DATABASE_URL: url,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(PROJECT_ROOT, "prisma", "schema-engine", "schema-engine.mjs"),
  });
  if (code !== 0) {
    const reason = output.trim().split("\n").filter(Boolean).slice(-2).join(" ");
    throw new UserFacingError(`Could not apply the migrations up to ${names.at(-1)} to ${describeDatabaseUrl(url)}: ${reason}`);
  }
}

async function assertNoOtherSessions(client: pg.Client, url: string): Promise<void> {
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  const count = rows[0]!.count;
  if (count > 0) {
    throw new UserFacingError(
      `${count} other connection(s) to ${describeDatabaseUrl(url)} are open (is the app running?): stop the app before restoring.`,
    );
  }
}

/** Tables of the current schema that hold rows (the migration history does not count). */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const filled: string[] = [];
  for (const name of await tableNames(client)) {
    if (name === MIGRATIONS_TABLE) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`);
    if (rowCount) filled.push(name);
  }
  return filled;
}

/**
 * Drops what the app's migrations created in the current schema (tables, views, sequences,
 * types, functions, extensions), keeping the schema itself with its owner and grants, so the
 * migrations can build it again from the start. One transaction: all or nothing.
 */
async function dropSchemaContents(client: pg.Client): Promise<void> {
  const notInExtension = (catalog: string, column: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${column} AND d.deptype = 'e')`;
  const { rows } = await client.query<{ statement: string }>(`
    SELECT format('DROP %s IF EXISTS %I CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
             WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.relname) AS statement, 1 AS step
      FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
       AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND ${notInExtension("pg_class", "c.oid")}
    UNION ALL
    SELECT format('DROP %s IF EXISTS %s CASCADE', CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
             p.oid::regprocedure), 2
      FROM pg_proc p WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND ${notInExtension("pg_proc", "p.oid")}
    UNION ALL
    SELECT format('DROP TYPE IF EXISTS %I CASCADE', t.typname), 3
      FROM pg_type t WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND t.typtype IN ('e', 'd', 'r')
       AND ${notInExtension("pg_type", "t.oid")}
    UNION ALL
    SELECT format('DROP EXTENSION IF EXISTS %I CASCADE', e.extname), 4
      FROM pg_extension e WHERE e.extnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
    ORDER BY step, statement`);
  await client.query("BEGIN");
  try {
    for (const { statement } of rows) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function copyInto(client: pg.Client, folder: string, table: TableEntry): Promise<void> {
  await pipeline(
    fs.createReadStream(path.join(folder, table.file)),
    client.query(copyFrom(`COPY ${copyColumns(table)} FROM STDIN`)),
  );
}

/**
 * Loads the rows in one transaction, in foreign-key order with every constraint checked, and
 * commits only when PostgreSQL's own count and checksum of every table equal the manifest's.
 * No trigger is disabled: the audit trail's triggers refuse UPDATE, DELETE and TRUNCATE, and a
 * restore only inserts. A trigger that fires on INSERT would rewrite what is being restored, so
 * the restore refuses to run over one rather than silently switch it off.
 */
async function loadRows(client: pg.Client, folder: string, manifest: Manifest): Promise<void> {
  await client.query("BEGIN");
  try {
    const target = new Map((await appTablesInLoadOrder(client)).map((table) => [table.name, table.columns]));
    for (const table of manifest.tables) {
      const columns = target.get(table.name);
      const missing = columns ? table.columns.filter((column) => !columns.includes(column)) : ["(the table)"];
      if (missing.length) throw new UserFacingError(`after migrating, table ${table.name} lacks ${missing.join(", ")}`);
    }
    const { rows: insertTriggers } = await client.query<{ name: string }>(
      `SELECT format('%s on %s', t.tgname, t.tgrelid::regclass) AS name FROM pg_trigger t
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND (t.tgtype & 4) <> 0
         AND t.tgrelid = ANY(SELECT c.oid FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))`,
    );
    if (insertTriggers.length) throw new UserFacingError(`trigger ${insertTriggers[0]!.name} fires on INSERT and would change the restored rows`);

    // The history migrate deploy just wrote is replaced by the original one (same migrations).
    await client.query(`DELETE FROM ${quoteIdent(MIGRATIONS_TABLE)}`);
    await copyInto(client, folder, manifest.migrationHistory);
    for (const table of manifest.tables) await copyInto(client, folder, table);
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue;
      await client.query("SELECT setval($1::regclass, $2::bigint, true)", [quoteIdent(sequence.name), sequence.lastValue]);
    }
    for (const table of [manifest.migrationHistory, ...manifest.tables]) {
      const content = await tableContent(client, table);
      if (content.rows !== table.rows || content.checksum !== table.checksum) {
        throw new UserFacingError(`table ${table.name} does not match the backup after loading (${content.rows} rows, ${table.rows} expected)`);
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Restores a backup file into the database at `url`, which must hold no data unless `force`.
 * The file is unpacked and fully checked first; then the schema is rebuilt by the app's own
 * migrations up to the backup's level, and the rows are loaded and verified in one transaction.
 */
export async function restoreBackup(url: string, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "commitment-tracker-restore-"));
  try {
    const manifest = await readArchive(file, workDir);
    const local = localMigrations();
    assertKnownLevel(manifest, local);
    await assertDatabaseReachable(url);

    const client = new pg.Client({ connectionString: url });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await prepareSession(client);
      await assertNoOtherSessions(client, url);
      const filled = await tablesWithRows(client);
      if (filled.length && !options.force) {
        throw new UserFacingError(
          `${describeDatabaseUrl(url)} is not empty (${filled.length} table(s) hold rows, e.g. "${filled[0]}"): restore into an empty database, or add --force to replace its contents.`,
        );
      }
      if ((await tableNames(client)).length) await dropSchemaContents(client);
      await migrateUpTo(url, manifest.migrations, workDir);
      try {
        await loadRows(client, workDir, manifest);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        throw new UserFacingError(`The restore failed and loaded nothing (the database holds the empty schema): ${reason}`);
      }
      const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
      return { manifest, tables: manifest.tables.length, rows, postgresVersion: (await serverVersion(client)).version };
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
