import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/db/connection-check";
import { startEmbeddedPostgres } from "@/server/db/embedded";
import { UserFacingError } from "@/server/cli/user-facing-error";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, ".data");

export type OpenDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set (checked to be reachable), else the embedded PostgreSQL under dataDir. */
export async function openDatabase(options: { dataDir?: string; fresh?: boolean } = {}): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await assertDatabaseReachable(url);
    return { url, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
    fresh: options.fresh,
  });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
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
