// Runs the real Prisma CLI (and the engine executable itself) against a real PostgreSQL, with
// schema-engine.mjs as the schema engine: the commands the project relies on must work offline.
// Scratch databases live on the TEST_DATABASE_URL server and are dropped afterwards.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PRISMA = path.join(ROOT, "node_modules", ".bin", "prisma");
const ENGINE = path.join(ROOT, "prisma", "schema-engine", "schema-engine.mjs");
const PROJECT_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const PROJECT_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const COMMAND_TIMEOUT_MS = 60_000;

type Result = { code: number | null; stdout: string; stderr: string; output: string };

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL must point at a PostgreSQL superuser connection.");
  return url;
}

function urlFor(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

const scratchDatabases: string[] = [];
/** A unique database name on the test server (not created), dropped after the suite. */
function scratchDatabase(label: string): { name: string; url: string } {
  const name = `se_${label}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  scratchDatabases.push(name);
  return { name, url: urlFor(name) };
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const databaseExists = async (name: string) =>
  (await query(serverUrl(), "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length === 1;

const shadowDatabases = async () =>
  (await query<{ datname: string }>(serverUrl(), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).map(
    (row) => row.datname,
  );

function run(command: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SCHEMA_ENGINE_BINARY: ENGINE, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), COMMAND_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `$ ${path.basename(command)} ${args.join(" ")}\n${stdout}\n${stderr}` });
    });
  });
}

let tmp: string;
/** A Prisma config like the project's (datasource from DATABASE_URL), in the temp folder. */
function writeConfig(name: string, schema: string, migrations: string): string {
  const file = path.join(tmp, `${name}.config.mjs`);
  const config = `export default {\n  schema: ${JSON.stringify(schema)},\n  migrations: { path: ${JSON.stringify(migrations)} },\n  datasource: { url: process.env.DATABASE_URL },\n};\n`;
  fs.writeFileSync(file, config);
  return file;
}

const prisma = (config: string, databaseUrl: string, ...args: string[]) =>
  run(PRISMA, [...args, "--config", config], { DATABASE_URL: databaseUrl });

/** stderr log lines as the CLI reads them for `cli ...` commands: the first line is skipped. */
function engineErrors(stderr: string): { message: string; error_code?: string }[] {
  const lines = stderr.trim().split("\n").slice(1);
  return lines
    .map((line) => JSON.parse(line) as { level: string; target: string; fields: { message: string; error_code?: string } })
    .filter((line) => line.level === "ERROR" && line.target === "schema_engine::logger")
    .map((line) => line.fields);
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-engine-test-"));
});

afterAll(async () => {
  for (const name of scratchDatabases) {
    await query(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

describe("the project's migrations", () => {
  it("apply with `migrate deploy` to an empty database, one _prisma_migrations row per folder", async () => {
    const folders = fs
      .readdirSync(PROJECT_MIGRATIONS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PROJECT_MIGRATIONS, entry.name, "migration.sql")))
      .map((entry) => entry.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);
    const db = scratchDatabase("deploy");
    const config = writeConfig("project", PROJECT_SCHEMA, PROJECT_MIGRATIONS);

    const result = await prisma(config, db.url, "migrate", "deploy");

    expect(result.code, result.output).toBe(0);
    const rows = await query<{ migration_name: string }>(
      db.url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
  }, 90_000);

  it("match the schema (`migrate diff --exit-code` is 0), and the check fails (2) on a schema change", async () => {
    const config = writeConfig("project", PROJECT_SCHEMA, PROJECT_MIGRATIONS);
    const drifted = path.join(tmp, "drifted.prisma");
    fs.writeFileSync(drifted, `${fs.readFileSync(PROJECT_SCHEMA, "utf8")}\nmodel SchemaEngineDriftProbe {\n  id Int @id\n}\n`);
    const diff = (schema: string) =>
      // Only reads: the datasource is just where the temporary shadow databases get created.
      prisma(config, serverUrl(), "migrate", "diff", "--from-migrations", PROJECT_MIGRATIONS, "--to-schema", schema, "--exit-code");

    const inSync = await diff(PROJECT_SCHEMA);
    expect(inSync.code, inSync.output).toBe(0);

    const drift = await diff(drifted);
    expect(drift.code, drift.output).toBe(2);
    expect(drift.stdout).toContain("SchemaEngineDriftProbe");
  }, 150_000);
});

describe("the engine executable", () => {
  it("prints the engines version the Prisma CLI expects", async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@prisma", "engines-version", "package.json"), "utf8"))
      .prisma.enginesVersion as string;

    const result = await run(ENGINE, ["--version"]);

    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim()).toBe(`schema-engine-cli ${expected}`);
  });

  it("answers `cli can-connect-to-database` like the native engine", async () => {
    const canConnect = (url: string) => run(ENGINE, ["--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"]);

    const existing = await canConnect(serverUrl());
    expect(existing.code, existing.output).toBe(0);
    expect(engineErrors(existing.stderr)).toEqual([]);

    const missing = await canConnect(scratchDatabase("missing").url);
    expect(missing.code, missing.output).not.toBe(0);
    expect(engineErrors(missing.stderr)).toEqual([expect.objectContaining({ error_code: "P1003" })]);

    const unreachable = new URL(serverUrl());
    unreachable.port = String(await closedPort());
    const down = await canConnect(unreachable.toString());
    expect(down.code, down.output).not.toBe(0);
    expect(engineErrors(down.stderr)).toEqual([expect.objectContaining({ error_code: "P1001" })]);
  }, 30_000);

  it("creates and drops a database with `cli create-database` / `cli drop-database`", async () => {
    const db = scratchDatabase("created");
    const cli = (command: string) => run(ENGINE, ["--datasource", JSON.stringify({ url: db.url }), "cli", command]);

    const created = await cli("create-database");
    expect(created.code, created.output).toBe(0);
    expect(await databaseExists(db.name)).toBe(true);

    const dropped = await cli("drop-database");
    expect(dropped.code, dropped.output).toBe(0);
    expect(await databaseExists(db.name)).toBe(false);
  }, 30_000);
});

describe("`migrate dev` in a new project", () => {
  it("creates the database, writes a migration through a shadow database and cleans up", async () => {
    const project = fs.mkdtempSync(path.join(tmp, "project-"));
    const schema = path.join(project, "schema.prisma");
    const migrations = path.join(project, "migrations");
    fs.writeFileSync(
      schema,
      [
        "datasource db {",
        '  provider = "postgresql"',
        "}",
        "",
        "model Widget {",
        "  id    Int    @id @default(autoincrement())",
        "  label String @unique",
        "}",
        "",
      ].join("\n"),
    );
    const config = writeConfig("dev", schema, migrations);
    const db = scratchDatabase("dev"); // does not exist yet: `migrate dev` must create it (P1003)
    const shadowsBefore = await shadowDatabases();

    const result = await prisma(config, db.url, "migrate", "dev", "--name", "x");

    expect(result.code, result.output).toBe(0);
    const folders = fs.readdirSync(migrations).filter((entry) => entry.endsWith("_x"));
    expect(folders).toHaveLength(1);
    const sql = fs.readFileSync(path.join(migrations, folders[0]!, "migration.sql"), "utf8");
    expect(sql).toMatch(/CREATE TABLE "Widget"/);
    expect(fs.readFileSync(path.join(migrations, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(await query(db.url, 'SELECT * FROM "Widget"')).toEqual([]);
    expect((await shadowDatabases()).filter((name) => !shadowsBefore.includes(name))).toEqual([]);

    // The WASM engine returns scripts as data; they reach stdout only through the `print` request.
    const script = await prisma(config, db.url, "migrate", "diff", "--from-empty", "--to-schema", schema, "--script");
    expect(script.code, script.output).toBe(0);
    expect(script.stdout).toMatch(/CREATE TABLE "Widget"/);
  }, 150_000);
});
