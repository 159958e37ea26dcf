import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { openDatabase, prepareDatabase, type OpenDatabase } from "@/server/cli/database";
import { UserFacingError } from "@/server/cli/user-facing-error";
import { seedReferenceData } from "@/server/db/seed";

/** Runs `body` with these environment variables, restoring the previous values afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await body();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The statement fails with PostgreSQL's own permission refusal (not the audit trigger's). */
async function expectRefused(client: pg.Client, sql: string) {
  const error = await client.query(sql).then(
    () => null,
    (caught: unknown) => caught as { code?: string; message: string },
  );
  expect(error, `${sql} should be refused`).not.toBeNull();
  expect(error!.code).toBe("42501");
  expect(error!.message).toMatch(/permission denied|must be owner/);
}

/** Everything the app role must not do to the tables, tried one by one. */
async function expectCannotTamper(appUrl: string) {
  const app = await connect(appUrl);
  try {
    await expectRefused(app, `UPDATE "AuditEvent" SET action = 'forged'`);
    await expectRefused(app, `DELETE FROM "AuditEvent"`);
    await expectRefused(app, `TRUNCATE "AuditEvent"`);
    await expectRefused(app, `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"`);
    await expectRefused(app, `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`);
    await expectRefused(app, `ALTER TABLE "Commitment" ADD COLUMN forged text`);
    await expectRefused(app, `ALTER TABLE "Commitment" DROP CONSTRAINT "Commitment_progress_check"`);
    await expectRefused(app, `DROP TABLE "AuditEvent"`);
    await expectRefused(app, `DROP TABLE "Commitment"`);
    await expectRefused(app, `UPDATE "CommitmentStatusChange" SET progress = 0`);
    await expectRefused(app, `DELETE FROM "CommitmentStatusChange"`);
    await expectRefused(app, `UPDATE "Assessment" SET rationale = 'forged'`);
    await expectRefused(app, `DELETE FROM "Assessment"`);
    await expectRefused(app, `CREATE TABLE forged (id int)`);
    await expectRefused(app, `DELETE FROM "_prisma_migrations"`);
  } finally {
    await app.end();
  }
}

/** The app's ordinary work through Prisma as the app role: reads, inserts, updates, deletes, audit. */
async function expectOrdinaryWorkSucceeds(appUrl: string) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }) });
  try {
    const scale = await db.statusScale.findFirstOrThrow({ where: { isDefault: true }, include: { statuses: true } });
    const status = scale.statuses[0]!;
    const state = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
    const suffix = crypto.randomBytes(4).toString("hex");
    const source = await db.source.create({ data: { title: `Source ${suffix}`, kind: "CONFERENCE", date: new Date("2017-04-03T00:00:00Z") } });
    const recommendation = await db.recommendation.create({
      data: { sourceId: source.id, reference: `R-${suffix}`, text: "Temporary residency", scaleId: scale.id, publication: "PUBLISHED", publishedAt: new Date() },
    });
    const commitment = await db.commitment.create({
      data: { recommendationId: recommendation.id, stateId: state.id, acceptedStatusId: status.id, acceptedProgress: 0 },
    });
    await db.commitmentStatusChange.create({ data: { commitmentId: commitment.id, statusId: status.id, progress: 0, effectiveAt: new Date() } });
    const updated = await db.commitment.update({ where: { id: commitment.id }, data: { acceptedProgress: 40, version: { increment: 1 } } });
    expect(updated.acceptedProgress).toBe(40);
    const audit = await db.auditEvent.create({ data: { action: "commitment.update", entityType: "Commitment", entityId: commitment.id, actorRole: "SYSTEM" } });
    expect(audit.id).toBeGreaterThan(0n);
    await db.loginAttempt.create({ data: { email: `a-${suffix}@test.example`, ip: "127.0.0.1", success: false, outcome: "FAILED" } });
    await db.rateLimit.create({ data: { key: `sign-in:email:a-${suffix}@test.example`, points: 1, expire: BigInt(Date.now() + 60_000) } });
    expect((await db.rateLimit.deleteMany({ where: { key: `sign-in:email:a-${suffix}@test.example` } })).count).toBe(1);
    await db.revokedSession.create({ data: { id: crypto.randomUUID(), expiresAt: new Date(Date.now() - 1000) } });
    expect((await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } })).count).toBeGreaterThan(0);
    await db.recommendation.update({ where: { id: recommendation.id }, data: { text: "Temporary residency, revised" } });
  } finally {
    await db.$disconnect();
  }
}

describe("T23 least privilege: the embedded database", () => {
  let dataDir: string;
  let database: OpenDatabase;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-app-role-"));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when the tests run as root
    database = await withEnv({ DATABASE_URL: undefined, APP_DATABASE_URL: undefined }, () => openDatabase({ dataDir }));
    await prepareDatabase(database);
    const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    await seedReferenceData(owner);
    await owner.$disconnect();
  });

  afterAll(async () => {
    await database?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("T23 the app server's role cannot update, delete or truncate audit rows, alter, drop or disable triggers", async () => {
    expect(new URL(database.appUrl).username).not.toBe(new URL(database.url).username);
    await expectCannotTamper(database.appUrl);
  });

  it("T23 the app server's role reads and writes the data, and appends audit rows", async () => {
    await expectOrdinaryWorkSucceeds(database.appUrl);
  });

  it("T23 migrations run as the owner, which keeps the audit trigger", async () => {
    const owner = await connect(database.url);
    try {
      const { rows } = await owner.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'AuditEvent'`);
      expect(rows[0]!.owner).toBe(new URL(database.url).username);
    } finally {
      await owner.end();
    }
  });

  it("T23 a table created by a later migration is usable by the app role without another grant", async () => {
    const owner = await connect(database.url);
    try {
      await owner.query(`CREATE TABLE "LaterTable" (id serial PRIMARY KEY, note text)`);
    } finally {
      await owner.end();
    }
    const app = await connect(database.appUrl);
    try {
      await app.query(`INSERT INTO "LaterTable" (note) VALUES ('written by the app')`);
      expect((await app.query(`SELECT note FROM "LaterTable"`)).rows).toEqual([{ note: "written by the app" }]);
      await expectRefused(app, `ALTER TABLE "LaterTable" ADD COLUMN forged text`);
    } finally {
      await app.end();
    }
  });
});

describe("T23 least privilege: DATABASE_URL for migrations, APP_DATABASE_URL for the app", () => {
  const role = `test_app_${crypto.randomBytes(4).toString("hex")}`;
  const password = crypto.randomBytes(12).toString("hex");
  let ownerUrl: string;
  let appUrl: string;

  beforeAll(async () => {
    ownerUrl = process.env.DATABASE_URL!;
    const admin = await connect(ownerUrl);
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await admin.end();
    const parsed = new URL(ownerUrl);
    parsed.username = role;
    parsed.password = password;
    appUrl = parsed.toString();
  });

  afterAll(async () => {
    const admin = await connect(ownerUrl);
    await admin.query(`DROP OWNED BY ${role}`);
    await admin.query(`DROP ROLE ${role}`);
    await admin.end();
  });

  it("T23 npm start grants the APP_DATABASE_URL role the data and nothing more", async () => {
    const database = await withEnv({ DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrl }, () => openDatabase());
    expect(database.appUrl).toBe(appUrl);
    await prepareDatabase(database);
    await expectCannotTamper(appUrl);
    await expectOrdinaryWorkSucceeds(appUrl);
  });

  it("T23 an APP_DATABASE_URL that connects as the owner is refused with one line", async () => {
    const database = await withEnv({ DATABASE_URL: ownerUrl, APP_DATABASE_URL: ownerUrl }, () => openDatabase());
    const error = await prepareDatabase(database).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toContain("APP_DATABASE_URL");
    expect((error as Error).message).not.toContain("\n");
  });
});
