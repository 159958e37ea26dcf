import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/cli/postgres/connection-check";
import { grantAppPrivileges } from "@/server/cli/postgres/app-role";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/cli/postgres/embedded";
import { UserFacingError } from "@/server/cli/user-facing-error";
import type { Db } from "@/server/db/client";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, ".data");

export type OpenDatabase = {
  /** The owner's connection: migrations, seeding and grants. */
  url: string;
  /** The connection the app server uses. */
  appUrl: string;
  /** Whether the app server has a role of its own (else it shares the owner's). */
  appRole: boolean;
  embedded: boolean;
  stop: () => Promise<void>;
  /** The embedded server, which `npm start` supervises; absent with DATABASE_URL. */
  server?: EmbeddedDatabase;
};

/** DATABASE_URL when set (checked to be reachable), else the embedded PostgreSQL under dataDir. */
export async function openDatabase(options: { dataDir?: string; fresh?: boolean } = {}): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  const appUrl = process.env.APP_DATABASE_URL;
  if (appUrl && !url) throw new UserFacingError("APP_DATABASE_URL needs DATABASE_URL too (the owner's connection, used for migrations).");
  if (appUrl && !/^postgres(ql)?:\/\//.test(appUrl)) throw new UserFacingError("APP_DATABASE_URL must start with postgresql://.");
  if (url) {
    await assertDatabaseReachable(url);
    return { url, appUrl: appUrl || url, appRole: Boolean(appUrl), embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
    fresh: options.fresh,
  });
  return { url: embedded.url, appUrl: embedded.appUrl, appRole: true, embedded: true, stop: embedded.stop, server: embedded };
}

/** Runs a command of this project's node_modules/.bin, capturing its output for error messages. */
export function runBin(
  bin: string,
  args: string[],
  env: Record<string, string>,
  options: { inherit?: boolean } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", bin), args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

// Any fixed number, distinct from the one Prisma's migration engine locks while it applies
// migrations (72707369): holding that one here would make the engine wait for us forever.
const STARTUP_LOCK_KEY = 4_171_025;

/**
 * Runs one of `npm start`'s database steps (migrations, reference and demo data) while holding a
 * PostgreSQL advisory lock, so that app instances starting together against one database take
 * turns: the second finds the work done instead of racing the first into duplicate rows. The lock
 * belongs to a connection of its own; PostgreSQL releases it when that connection closes, even if
 * the process dies.
 */
export async function withStartupLock<T>(url: string, step: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await step();
  } finally {
    await client.end();
  }
}

/** Applies pending migrations with `prisma migrate deploy` (offline, through the WASM engine). */
export async function migrateDatabase(url: string): Promise<void> {
  const { code, output } = await withStartupLock(url, () => runBin("prisma", ["migrate", "deploy"], { DATABASE_URL: url }));
  if (code !== 0) {
    const reason =
      output
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("Prisma") && !line.startsWith("Datasource") && !line.startsWith("Loaded"))
        .slice(-3)
        .join(" ") || "unknown error";
    throw new UserFacingError(`Could not apply database migrations to ${describeDatabaseUrl(url)}: ${reason}`);
  }
}

/**
 * For a command-line step on the data (db:seed, user:create): opens the database, applies pending
 * migrations and the reference data, runs `step` with the Prisma client, then closes everything.
 * The client loads only once DATABASE_URL names the database, so `step` imports services the same way.
 */
export async function withReadyDatabase(step: (db: Db) => Promise<void>): Promise<void> {
  const database = await openDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    const { db, closeDatabase } = await import("@/server/db/client");
    const { seedReferenceData } = await import("@/server/cli/seed/reference-data");
    try {
      await seedReferenceData(db);
      await step(db);
    } finally {
      await closeDatabase();
    }
  } finally {
    await database.stop();
  }
}

/**
 * Brings the database up to date as its owner, then grants the app server's role the data (and
 * only the data) after every migration. Without APP_DATABASE_URL the app shares the owner's role.
 */
export async function prepareDatabase(database: OpenDatabase): Promise<void> {
  await migrateDatabase(database.url);
  if (!database.appRole) return;
  const setting = database.embedded ? "the embedded database's app role" : "APP_DATABASE_URL";
  await grantAppPrivileges(database.url, decodeURIComponent(new URL(database.appUrl).username), setting);
  if (!database.embedded) await assertDatabaseReachable(database.appUrl, 5000, "APP_DATABASE_URL");
}
