// T19: backups are consistent while the app writes, restore exactly (also into another
// PostgreSQL major version), keep the audit trail append-only, and fail in one clear line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, type BackupSummary } from "@/server/cli/backup-create";
import { migrateUpTo, restoreBackup } from "@/server/cli/restore-apply";
import { PROJECT_ROOT, migrateDatabase } from "@/server/cli/database";
import { findFreePort, startEmbeddedPostgres } from "@/server/cli/postgres/embedded";
import { TEST_PASSWORD, callerFor, createPublishedCommitments, createTestUser } from "@/server/test/factories";
import { withDatabase } from "@/server/test/database-url";
import { SERVER_CONDITIONS, TSX_BIN } from "@/server/cli/tsx";
import { runScript } from "@/server/test/run-script";

const sourceUrl = process.env.DATABASE_URL!;
const serverUrl = withDatabase(sourceUrl, "postgres");
const PG15_BIN = "/usr/lib/postgresql/15/bin";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "t19-"));
const createdDatabases: string[] = [];

type Figures = Record<string, { rows: number; md5: string }>;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET TimeZone = 'UTC'");
  return client;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every table's row count and the MD5 of all its rows' text in a fixed order: computed here
 * independently of the backup's own checksum, by the same SQL on the source and the copy.
 */
async function figures(client: pg.Client): Promise<Figures> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname",
  );
  const result: Figures = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM ${pg.escapeIdentifier(name)} t`,
    );
    result[name] = rows[0]!;
  }
  return result;
}

async function createDatabase(name: string): Promise<string> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  createdDatabases.push(name);
  return withDatabase(serverUrl, name);
}

/** Runs a command-line entry point as a user would, without the test's DATABASE_URL unless given. */
function runCli(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  return runScript([path.join("server", "cli", script), ...args], { env: { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, ...env } });
}

/** Signs in through next-auth's credentials provider and reads a commitment as that user, in a process on `url`. */
async function signInOn(url: string, email: string, password: string, commitmentId: string) {
  const script = `
    import { authOptions } from "@/server/auth/options";
    import { actorFor, callerAs } from "@/server/test/factories";
    import { closeDatabase } from "@/server/db/client";
    void (async () => {
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ id: string } | null> } };
    const user = await provider.options.authorize({ email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)} }, { headers: {} });
    const wrong = await provider.options.authorize({ email: ${JSON.stringify(email)}, password: "not the password" }, { headers: {} });
    const commitment = user ? await (await callerAs(await actorFor(user.id))).commitments.get({ id: ${JSON.stringify(commitmentId)} }) : null;
    console.log(JSON.stringify({ userId: user?.id ?? null, wrong, version: commitment?.version ?? null }));
    await closeDatabase();
    })();
  `;
  const child = spawnSync(TSX_BIN, [SERVER_CONDITIONS, "--eval", script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
    encoding: "utf8",
  });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as { userId: string | null; wrong: unknown; version: number | null };
}

/** A flow of real updates: a focal point submits, an analyst accepts, over and over. */
async function startWriter() {
  const world = await createPublishedCommitments(["AT", "IT", "DE"]);
  const analyst = await callerFor("ANALYST");
  const focalPoints = await Promise.all(["AT", "IT", "DE"].map(async (iso2) => ({ iso2, ...(await callerFor("FOCAL_POINT", iso2)) })));
  let accepted = 0;
  let stopped = false;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const loop = (async () => {
    for (let round = 0; !stopped; round++) {
      const focal = focalPoints[round % focalPoints.length]!;
      const update = await focal.caller.commitments.saveAndSubmit({
        commitmentId: world.commitments[focal.iso2]!.id,
        content: { statusId: world.statuses.partially_implemented!.id, progress: 60 + (round % 40), narrative: `Round ${round}`, evidence: [] },
      });
      await analyst.caller.review.accept({ updateId: update.id, expectedVersion: update.version });
      accepted++;
      for (const waiter of waiters.filter((w) => accepted >= w.count)) waiter.resolve();
    }
  })();
  return {
    world,
    focalPoint: focalPoints[0]!,
    accepted: () => accepted,
    reach: (count: number) => new Promise<void>((resolve) => (accepted >= count ? resolve() : waiters.push({ count, resolve }))),
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

let backup: BackupSummary;
let snapshot: Figures;
let acceptedAtSnapshot = 0;
let acceptedAfterBackup = 0;
let signer: { email: string; commitmentId: string; version: number };

beforeAll(async () => {
  const writer = await startWriter();
  const user = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
  await writer.reach(2);
  try {
    backup = await createBackup(sourceUrl, path.join(work, "backup.tar.gz"), {
      onSnapshot: async (snapshotId) => {
        acceptedAtSnapshot = writer.accepted();
        // Read the very snapshot the backup reads, in another session, with this file's own SQL.
        await withClient(sourceUrl, async (client) => {
          await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
          await client.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
          snapshot = await figures(client);
          const { rows } = await client.query<{ version: number }>('SELECT version FROM "Commitment" WHERE id = $1', [writer.world.commitments.AT!.id]);
          signer = { email: user.email, commitmentId: writer.world.commitments.AT!.id, version: rows[0]!.version };
          await client.query("COMMIT");
        });
        // Updates keep being accepted while the backup is being read.
        await writer.reach(acceptedAtSnapshot + 3);
      },
    });
  } finally {
    acceptedAfterBackup = writer.accepted();
    await writer.stop();
  }
}, 120_000);

afterAll(async () => {
  await withClient(serverUrl, async (client) => {
    for (const name of createdDatabases) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  fs.rmSync(work, { recursive: true, force: true });
});

describe("T19 backup and restore", () => {
  it("T19 a backup taken while updates are accepted holds exactly the snapshot: counts and checksums match the source as of that instant", async () => {
    expect(acceptedAfterBackup).toBeGreaterThanOrEqual(acceptedAtSnapshot + 3);
    const current = await withClient(sourceUrl, figures);
    // The source moved on during the backup; the backup did not follow it.
    expect(current.ProgressUpdate!.rows).toBeGreaterThan(snapshot.ProgressUpdate!.rows);
    expect(current.AuditEvent!.rows).toBeGreaterThan(snapshot.AuditEvent!.rows);
    const { manifest } = backup;
    expect(manifest.tables.map((table) => table.name).sort()).toEqual(Object.keys(snapshot).filter((name) => name !== "_prisma_migrations").sort());
    for (const table of [...manifest.tables, manifest.migrationHistory]) expect(table.rows, table.name).toBe(snapshot[table.name]!.rows);
    expect(manifest.postgres.major).toBeGreaterThanOrEqual(15);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(fs.statSync(backup.file).mode & 0o077).toBe(0);
  });

  it("T19 restore into a fresh database gives identical tables, an append-only audit trail, working sequences and the same sign-ins", async () => {
    const url = await createDatabase(`t19_restored_${process.pid}`);
    const summary = await restoreBackup(url, backup.file);
    expect(summary.rows).toBe(backup.manifest.tables.reduce((sum, table) => sum + table.rows, 0));

    await withClient(url, async (client) => {
      expect(await figures(client)).toEqual(snapshot);
      // Consistent as one instant: every accepted update has the status change it made.
      const { rows: orphans } = await client.query(
        `SELECT p.id FROM "ProgressUpdate" p WHERE p."reviewState" = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM "CommitmentStatusChange" c WHERE c."updateId" = p.id)`,
      );
      expect(orphans).toEqual([]);

      for (const statement of ['UPDATE "AuditEvent" SET action = \'forged\'', 'DELETE FROM "AuditEvent"', 'TRUNCATE "AuditEvent"']) {
        await expect(client.query(statement), statement).rejects.toThrow(/append-only/);
      }
      const { rows: triggers } = await client.query<{ name: string; enabled: string }>(
        `SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`,
      );
      expect(triggers).toEqual([
        { name: "AuditEvent_no_truncate", enabled: "O" },
        { name: "AuditEvent_no_update_or_delete", enabled: "O" },
      ]);
      // Sequences continue after the restored ids instead of colliding with them.
      const { rows } = await client.query<{ id: string; max: string }>(
        `WITH before AS (SELECT max(id) AS max FROM "AuditEvent")
         INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('t19.check', 'Test', 'x')
         RETURNING id::text, (SELECT max::text FROM before)`,
      );
      expect(BigInt(rows[0]!.id)).toBeGreaterThan(BigInt(rows[0]!.max));
    });

    const onCopy = await signInOn(url, signer.email, TEST_PASSWORD, signer.commitmentId);
    const onSource = await signInOn(sourceUrl, signer.email, TEST_PASSWORD, signer.commitmentId);
    expect(onCopy.userId).toBe(onSource.userId);
    expect(onCopy.userId).not.toBeNull();
    expect(onCopy.wrong).toBeNull();
    expect(onCopy.version).toBe(signer.version);
  }, 120_000);

  it("T19 restore refuses a database that holds data, in one line and changing nothing, and replaces it with --force", async () => {
    const url = await createDatabase(`t19_nonempty_${process.pid}`);
    await migrateDatabase(url);
    await withClient(url, (client) => client.query(`INSERT INTO "AppSetting" (key, value, "updatedAt") VALUES ('t19', 'kept', now())`));
    const before = await withClient(url, figures);

    const refused = await runCli("restore.ts", [backup.file], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/^Error: .* is not empty \(1 table\(s\) hold rows, e\.g\. "AppSetting"\): restore into an empty database, or add --force to replace its contents\.\n$/);
    expect(await withClient(url, figures)).toEqual(before);

    const forced = await runCli("restore.ts", [backup.file, "--force"], { DATABASE_URL: url });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^Restored .* every table's count and checksum verified/);
    expect(await withClient(url, figures)).toEqual(snapshot);
  }, 120_000);

  it("T19 a missing, unreadable, damaged or foreign file and an unreachable database each fail in one clear line", async () => {
    const target = await createDatabase(`t19_untouched_${process.pid}`);
    const truncated = path.join(work, "truncated.tar.gz");
    fs.writeFileSync(truncated, fs.readFileSync(backup.file).subarray(0, Math.floor(fs.statSync(backup.file).size / 2)));
    const garbage = path.join(work, "garbage.tar.gz");
    fs.writeFileSync(garbage, "this is not a backup\n".repeat(100));
    const unreadable = path.join(work, "folder.tar.gz");
    fs.mkdirSync(unreadable);

    // A well-formed archive from a future format, and one whose table file was altered.
    const unpacked = path.join(work, "unpacked");
    fs.mkdirSync(unpacked);
    await tar.x({ file: backup.file, cwd: unpacked });
    const entries = ["manifest.json", ...fs.readdirSync(path.join(unpacked, "tables")).map((name) => `tables/${name}`)];
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, "manifest.json"), "utf8")) as { formatVersion: number; tables: Array<{ file: string; rows: number }> };
    fs.writeFileSync(path.join(unpacked, "manifest.json"), JSON.stringify({ ...manifest, formatVersion: 2 }));
    const future = path.join(work, "future.tar.gz");
    await tar.c({ gzip: true, file: future, cwd: unpacked }, entries);
    fs.writeFileSync(path.join(unpacked, "manifest.json"), JSON.stringify(manifest));
    const users = manifest.tables.find((table) => table.file.endsWith("-User.copy"))!;
    fs.writeFileSync(path.join(unpacked, users.file), fs.readFileSync(path.join(unpacked, users.file), "utf8").replace("FOCAL_POINT", "ADMIN"));
    const altered = path.join(work, "altered.tar.gz");
    await tar.c({ gzip: true, file: altered, cwd: unpacked }, entries);

    const closedPort = await findFreePort();
    const nowhere = `postgresql://postgres:secret@127.0.0.1:${closedPort}/app`;
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [[path.join(work, "missing.tar.gz")], { DATABASE_URL: target }, /^Error: Cannot read the backup file .*missing\.tar\.gz: the file does not exist\.$/],
      [[unreadable], { DATABASE_URL: target }, /^Error: Cannot read the backup file .*folder\.tar\.gz: it is a folder\.$/],
      [[truncated], { DATABASE_URL: target }, /^Error: The backup file .*truncated\.tar\.gz is damaged or not a Commitment Tracker backup \(.+\)\.$/],
      [[garbage], { DATABASE_URL: target }, /^Error: The backup file .*garbage\.tar\.gz is damaged or not a Commitment Tracker backup \(.+\)\.$/],
      [[altered], { DATABASE_URL: target }, /^Error: The backup file .*altered\.tar\.gz is damaged .*\(tables\/\d+-User\.copy does not match its checksum\)\.$/],
      [[future], { DATABASE_URL: target }, /^Error: The backup file .*future\.tar\.gz has format version 2, but this app reads version 1: restore it with the app version that wrote it\.$/],
      [[backup.file], { DATABASE_URL: nowhere }, new RegExp(`^Error: Cannot reach the PostgreSQL server at 127\\.0\\.0\\.1:${closedPort}/app as postgres: connection refused`)],
    ];
    for (const [args, env, expected] of cases) {
      const result = await runCli("restore.ts", args, env);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr.trimEnd(), args[0]).toMatch(expected);
      expect(result.stderr.trimEnd().split("\n"), args[0]).toHaveLength(1);
      expect(result.stderr).not.toContain("secret");
    }
    expect(await withClient(target, (client) => client.query("SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace"))).toMatchObject({ rowCount: 0 });

    const backupUnreachable = await runCli("backup.ts", ["--out", path.join(work, "never.tar.gz")], { DATABASE_URL: nowhere });
    expect(backupUnreachable.code).toBe(1);
    expect(backupUnreachable.stderr.trimEnd()).toMatch(new RegExp(`^Error: Cannot reach the PostgreSQL server at 127\\.0\\.0\\.1:${closedPort}/app as postgres: connection refused`));
    expect(fs.existsSync(path.join(work, "never.tar.gz"))).toBe(false);
  }, 120_000);

  it("T19 a backup made before the latest migration restores at its own level, and the app's migrate brings the copy up to date", async () => {
    const [latest, ...rest] = [...backup.manifest.migrations].reverse();
    const older = rest.reverse();
    const sourceOld = await createDatabase(`t19_older_${process.pid}`);
    const migrationsDir = fs.mkdtempSync(path.join(work, "migrations-"));
    await migrateUpTo(sourceOld, older, migrationsDir);
    await withClient(sourceOld, (client) => client.query(`INSERT INTO "AppSetting" (key, value, "updatedAt") VALUES ('t19', 'older', now())`));
    const made = await createBackup(sourceOld, path.join(work, "older.tar.gz"));
    expect(made.manifest.migrations).toEqual(older);

    const url = await createDatabase(`t19_older_copy_${process.pid}`);
    await restoreBackup(url, made.file);
    const applied = (client: pg.Client) => client.query<{ name: string }>("SELECT migration_name AS name FROM _prisma_migrations ORDER BY 1");
    await withClient(url, async (client) => {
      expect((await applied(client)).rows.map((row) => row.name)).toEqual(older);
      expect(await figures(client)).toEqual(await withClient(sourceOld, figures));
    });
    await migrateDatabase(url);
    await withClient(url, async (client) => {
      expect((await applied(client)).rows.map((row) => row.name)).toEqual([...older, latest]);
      expect((await client.query(`SELECT value FROM "AppSetting" WHERE key = 't19'`)).rows).toEqual([{ value: "older" }]);
    });
  }, 120_000);

  it("T19 the running embedded PostgreSQL is backed up through its data folder, and restored into a new data folder", async () => {
    // The embedded server runs as an unprivileged user when the tests run as root.
    const clusters = fs.mkdtempSync(path.join(os.tmpdir(), "t19-embedded-"));
    fs.chmodSync(clusters, 0o755);
    const source = await startEmbeddedPostgres({ dataDir: path.join(clusters, "data-source") });
    let sourceFigures: Figures;
    try {
      await migrateDatabase(source.url);
      await withClient(source.url, (client) => client.query(`INSERT INTO "AppSetting" (key, value, "updatedAt") VALUES ('t19', 'embedded', now())`));
      // `npm start` would be running: the command finds the server through its lock file.
      const made = await runCli("backup.ts", ["--out", path.join(work, "embedded.tar.gz"), "--data-dir", path.join(clusters, "data-source")]);
      expect(made.stderr).toBe("");
      expect(made.stdout).toMatch(/^Backup of the embedded database in .*data-source written to .*embedded\.tar\.gz: \d+ tables, 1 rows, migration \d+_\w+, PostgreSQL \d+/);
      sourceFigures = await withClient(source.url, figures);
    } finally {
      await source.stop();
    }

    const restored = await runCli("restore.ts", [path.join(work, "embedded.tar.gz"), "--data-dir", path.join(clusters, "data-copy")]);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const copy = await startEmbeddedPostgres({ dataDir: path.join(clusters, "data-copy") });
    try {
      expect(await withClient(copy.url, figures)).toEqual(sourceFigures);
    } finally {
      await copy.stop();
      fs.rmSync(clusters, { recursive: true, force: true });
    }
  }, 180_000);

  it("T19 restores into PostgreSQL 15, another major version (Debian's postgresql package)", async (context) => {
    if (!fs.existsSync(path.join(PG15_BIN, "initdb"))) {
      context.skip(`PostgreSQL 15 binaries not found in ${PG15_BIN} (apt-get install -y postgresql)`);
    }
    const cluster = fs.mkdtempSync(path.join(os.tmpdir(), "t19-pg15-"));
    const asPostgres = (command: string, args: string[]) => {
      const isRoot = process.getuid?.() === 0;
      const result = isRoot
        ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
        : spawnSync(command, args, { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
    };
    const password = "t19-pg15-password";
    fs.writeFileSync(path.join(cluster, "pw"), password);
    if (process.getuid?.() === 0) {
      const postgresUser = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
      const uid = Number(postgresUser.stdout.trim());
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
      fs.chownSync(cluster, uid, gid);
      fs.chownSync(path.join(cluster, "pw"), uid, gid);
    }
    const port = await findFreePort();
    const dataDir = path.join(cluster, "data");
    asPostgres(path.join(PG15_BIN, "initdb"), ["-D", dataDir, "-U", "postgres", `--pwfile=${path.join(cluster, "pw")}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
    asPostgres(path.join(PG15_BIN, "pg_ctl"), ["-D", dataDir, "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${cluster}`, "-l", path.join(cluster, "log"), "-w", "start"]);
    try {
      const url = `postgresql://postgres:${password}@127.0.0.1:${port}/t19`;
      await withClient(`postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, (client) => client.query("CREATE DATABASE t19"));
      const restored = await runCli("restore.ts", [backup.file], { DATABASE_URL: url });
      expect(restored.stderr).toBe("");
      expect(restored.stdout).toMatch(/\(PostgreSQL 15\.\d+/);
      await withClient(url, async (client) => {
        expect(await figures(client)).toEqual(snapshot);
        await expect(client.query('UPDATE "AuditEvent" SET action = \'forged\'')).rejects.toThrow(/append-only/);
      });
      const onCopy = await signInOn(url, signer.email, TEST_PASSWORD, signer.commitmentId);
      expect(onCopy.userId).not.toBeNull();
      expect(onCopy.version).toBe(signer.version);

      // And back: a backup taken on 15 restores into 18.
      const fromOld = path.join(work, "from-pg15.tar.gz");
      const made = await runCli("backup.ts", ["--out", fromOld], { DATABASE_URL: url });
      expect(made.stderr).toBe("");
      expect(made.stdout).toMatch(/PostgreSQL 15\.\d+/);
      const back = await createDatabase(`t19_from_pg15_${process.pid}`);
      const summary = await restoreBackup(back, fromOld);
      expect(summary.postgresVersion).not.toMatch(/^15\./);
      expect(await withClient(back, figures)).toEqual(await withClient(url, figures));
    } finally {
      asPostgres(path.join(PG15_BIN, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      fs.rmSync(cluster, { recursive: true, force: true });
    }
  }, 180_000);
});
