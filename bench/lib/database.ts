// The bench database: a separate database `large` in an embedded PostgreSQL under .data/large
// (never the app's .data/pg), or BENCH_DATABASE_URL.
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT } from "@/server/cli/database";
import { startEmbeddedPostgres } from "@/server/cli/postgres/embedded";

export const BENCH_DATABASE = "large";
export const DEFAULT_BENCH_DATA_DIR = path.join(PROJECT_ROOT, ".data", "large");

export type BenchDatabase = {
  /** The bench database itself. */
  url: string;
  /** The maintenance database of the same server, for DROP/CREATE DATABASE. */
  adminUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Starts (or connects to) the server that holds the bench database; does not create it. */
export async function openBenchServer(dataDir: string): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    return { url: given, adminUrl: withDatabase(given, "postgres"), embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir });
  return {
    url: withDatabase(embedded.url, BENCH_DATABASE),
    adminUrl: withDatabase(embedded.url, "postgres"),
    embedded: true,
    stop: embedded.stop,
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Drops and recreates the bench database (only ever the one named by the bench URL). */
export async function recreateDatabase(database: BenchDatabase): Promise<void> {
  const name = databaseNameOf(database.url);
  if (!name || name === "postgres" || name === "template0" || name === "template1") {
    throw new Error(`Refusing to recreate the database "${name}": give BENCH_DATABASE_URL a dedicated database.`);
  }
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
}

export async function databaseExists(database: BenchDatabase): Promise<boolean> {
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseNameOf(database.url)]);
    return (rowCount ?? 0) > 0;
  } finally {
    await admin.end();
  }
}
