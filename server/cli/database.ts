import { spawn } from "node:child_process";
import path from "node:path";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/db/connection-check";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/server/db/embedded";
import { UserFacingError } from "@/server/cli/user-facing-error";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, ".data");

export type OpenDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** The embedded server, which `npm start` supervises; absent with DATABASE_URL. */
  server?: EmbeddedDatabase;
};

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
  return { url: embedded.url, embedded: true, stop: embedded.stop, server: embedded };
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

/** Applies pending migrations with `prisma migrate deploy` (offline, through the WASM engine). */
export async function migrateDatabase(url: string): Promise<void> {
  const { code, output } = await runBin("prisma", ["migrate", "deploy"], { DATABASE_URL: url });
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
