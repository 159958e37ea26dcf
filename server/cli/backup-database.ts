// Which database `db:backup` and `db:restore` work on: DATABASE_URL when set, otherwise the
// embedded PostgreSQL of the data folder, whether `npm start` is running it or not. Both connect as
// the superuser or owner, like migrations do, never as the app's own restricted role.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "@/server/cli/database";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/cli/postgres/connection-check";
import { startEmbeddedPostgres } from "@/server/cli/postgres/embedded";
import { UserFacingError } from "@/server/cli/user-facing-error";

export type MaintenanceDatabase = { url: string; description: string; stop: () => Promise<void> };

/** Where embedded.ts keeps the cluster, the superuser password and the app's database. */
const CLUSTER_DIR = "pg";
const CREDENTIALS_FILE = "credentials.json";
const APP_DATABASE = "app";

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The address of the embedded PostgreSQL running on this data folder, read from the lock file
 * PostgreSQL itself writes (postmaster.pid: pid, data folder, start time, port, socket folder,
 * listen address), or null when none is running.
 */
function runningEmbeddedUrl(dataDir: string): string | null {
  const lockFile = path.join(dataDir, CLUSTER_DIR, "postmaster.pid");
  if (!fs.existsSync(lockFile)) return null;
  const lines = fs.readFileSync(lockFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !processIsAlive(pid) || !Number.isInteger(port)) return null;
  const { password } = JSON.parse(fs.readFileSync(path.join(dataDir, CREDENTIALS_FILE), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${APP_DATABASE}`;
}

/**
 * Opens the database to back up or restore. `create` allows making a new embedded cluster (a
 * restore into a new data folder); a backup of a data folder that holds none is an error.
 */
export async function openMaintenanceDatabase(options: { dataDir?: string; create: boolean }): Promise<MaintenanceDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await assertDatabaseReachable(url);
    return { url, description: `${describeDatabaseUrl(url)} (DATABASE_URL)`, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const description = `the embedded database in ${dataDir}`;
  const running = runningEmbeddedUrl(dataDir);
  if (running) {
    try {
      await assertDatabaseReachable(running);
    } catch {
      throw new UserFacingError(`The embedded PostgreSQL in ${dataDir} is running but does not answer; try again once the app has started.`);
    }
    return { url: running, description, stop: async () => undefined };
  }
  if (!options.create && !fs.existsSync(path.join(dataDir, CLUSTER_DIR, "PG_VERSION"))) {
    throw new UserFacingError(`There is no database in ${dataDir}: start the app once (npm start), or set DATABASE_URL.`);
  }
  // Not running: start it for the duration of the command, as `npm start` would.
  const embedded = await startEmbeddedPostgres({ dataDir });
  return { url: embedded.url, description, stop: embedded.stop };
}
