// Starts a real PostgreSQL for the test run (embedded, in a temporary folder) or uses
// TEST_DATABASE_URL, creates a fresh database on it, and applies the migrations.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/server/cli/database";
import { startEmbeddedPostgres } from "@/server/cli/postgres/embedded";
import { assertLocalDatabase, withDatabase } from "@/server/test/database-url";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** States, themes and the default scale: what every installation has, created once per run. */
async function seedReference(databaseUrl: string) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/prisma/generated/client");
  const { seedReferenceData } = await import("@/server/cli/seed/reference-data");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
}

export default async function setup(project: TestProject) {
  let stopServer = async () => undefined as void;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `commitment-tracker-test-${process.pid}`),
      fresh: true,
    });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }

  const databaseName = `test_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();

  const databaseUrl = withDatabase(serverUrl, databaseName);
  await migrateDatabase(databaseUrl);
  await seedReference(databaseUrl);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await cleanup.end();
    await stopServer();
  };
}
