import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  tableFileName,
  writeArchive,
  type Manifest,
  type TableEntry,
} from "@/server/cli/backup-archive";
import {
  appTablesInLoadOrder,
  appliedMigrations,
  migrationsTable,
  prepareSession,
  quoteIdent,
  sequenceStates,
  serverVersion,
  tableContent,
  type CatalogTable,
} from "@/server/cli/backup-catalog";
import { assertDatabaseReachable, describeDatabaseUrl } from "@/server/cli/postgres/connection-check";
import { UserFacingError } from "@/server/cli/user-facing-error";

export type BackupSummary = { file: string; manifest: Manifest; bytes: number };

export type BackupOptions = {
  /**
   * Called once the snapshot is taken, with an id that another session can adopt
   * (`SET TRANSACTION SNAPSHOT`) to read exactly what the backup reads. The backup waits for it.
   */
  onSnapshot?: (snapshotId: string) => Promise<void>;
};

async function copyTable(client: pg.Client, folder: string, index: number, table: CatalogTable): Promise<TableEntry> {
  const file = tableFileName(index, table.name);
  const hash = crypto.createHash("sha256");
  let lines = 0;
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done(null, chunk);
    },
  });
  const columns = table.columns.map(quoteIdent).join(", ");
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${columns} FROM ${quoteIdent(table.name)}) TO STDOUT`)),
    tee,
    fs.createWriteStream(path.join(folder, file), { mode: 0o600 }),
  );
  // The content checksum is read in the same snapshot, so it describes exactly these rows.
  const content = await tableContent(client, table);
  if (content.rows !== lines) throw new Error(`COPY of ${table.name} wrote ${lines} rows, the table holds ${content.rows}`);
  return { name: table.name, columns: table.columns, file, rows: lines, sha256: hash.digest("hex"), checksum: content.checksum };
}

/**
 * Writes a consistent backup of the database at `url` into `out`, while the app keeps writing:
 * every table is read in ONE snapshot (a REPEATABLE READ, READ ONLY transaction), as pg_dump
 * does, so the file holds the database exactly as it was at one instant.
 */
export async function createBackup(url: string, out: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new UserFacingError(`${out} already exists: choose a new file name (backups are never overwritten).`);
  if (!fs.existsSync(path.dirname(target))) throw new UserFacingError(`Cannot write ${out}: the folder ${path.dirname(target)} does not exist.`);
  await assertDatabaseReachable(url);

  // Beside the output, so the tables are written on the disk that will hold the backup.
  const folder = fs.mkdtempSync(path.join(path.dirname(target), ".backup-"));
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await prepareSession(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const history = await migrationsTable(client);
    if (!history) {
      throw new UserFacingError(`${describeDatabaseUrl(url)} holds no Commitment Tracker data (no migrations were applied): nothing to back up.`);
    }
    const tables = await appTablesInLoadOrder(client);
    // Like pg_dump: a migration that alters a table waits until the backup is done.
    for (const table of [history, ...tables]) await client.query(`LOCK TABLE ${quoteIdent(table.name)} IN ACCESS SHARE MODE`);
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    await options.onSnapshot?.(rows[0]!.id);

    fs.mkdirSync(path.join(folder, "tables"));
    const migrationHistory = await copyTable(client, folder, 0, history);
    const entries: TableEntry[] = [];
    for (const [index, table] of tables.entries()) entries.push(await copyTable(client, folder, index + 1, table));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      postgres: await serverVersion(client),
      migrations: await appliedMigrations(client),
      migrationHistory,
      tables: entries,
      // Sequences are not transactional: their value now is at least any id the snapshot holds.
      sequences: await sequenceStates(client),
    };
    await client.query("COMMIT");
    await writeArchive(folder, manifest, target);
    return { file: target, manifest, bytes: fs.statSync(target).size };
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
