// The backup file: a gzip-compressed tar (readable with `tar tzf`) holding manifest.json first,
// then one file per table in PostgreSQL's COPY text format.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as tar from "tar";
import { z } from "zod";
import { UserFacingError } from "@/server/cli/user-facing-error";

export const BACKUP_FORMAT = "commitment-tracker-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";

const ZTableEntry = z.strictObject({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  file: z.string().regex(/^tables\/[A-Za-z0-9_.-]+\.copy$/),
  rows: z.number().int().nonnegative(),
  /** SHA-256 of the file's bytes: the file is intact. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The content checksum PostgreSQL computed in the snapshot (see tableContent). */
  checksum: z.string().min(1),
});
export type TableEntry = z.infer<typeof ZTableEntry>;

const ZManifest = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  postgres: z.strictObject({ version: z.string(), major: z.number().int() }),
  /** Applied migrations, oldest first: the schema the data belongs to. */
  migrations: z.array(z.string().min(1)),
  /** The migration history rows, restored as they were. */
  migrationHistory: ZTableEntry,
  /** In load order: parents before the tables that reference them. */
  tables: z.array(ZTableEntry),
  sequences: z.array(z.strictObject({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/).nullable() })),
});
export type Manifest = z.infer<typeof ZManifest>;

export function tableFileName(index: number, table: string): string {
  return `tables/${String(index).padStart(3, "0")}-${table.replace(/[^A-Za-z0-9_]/g, "_")}.copy`;
}

/** Hashes a file and counts its lines (COPY text writes one line per row). */
export async function digestFile(file: string): Promise<{ sha256: string; lines: number }> {
  const hash = crypto.createHash("sha256");
  let lines = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { sha256: hash.digest("hex"), lines };
}

/**
 * Packs a folder holding manifest.json and tables/ into `out`, written under a temporary name
 * and renamed at the end, so an interrupted backup never leaves a file that looks complete. The
 * file is readable by its owner only: it holds password hashes.
 */
export async function writeArchive(folder: string, manifest: Manifest, out: string): Promise<void> {
  fs.writeFileSync(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const partial = `${out}.partial`;
  fs.writeFileSync(partial, "", { mode: 0o600 });
  try {
    const files = [MANIFEST_FILE, manifest.migrationHistory.file, ...manifest.tables.map((table) => table.file)];
    await tar.c({ gzip: true, file: partial, cwd: folder, portable: true }, files);
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function unreadable(file: string, error: unknown): UserFacingError {
  const code = (error as { code?: string }).code;
  const reason =
    code === "ENOENT" ? "the file does not exist" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : String((error as Error).message ?? error);
  return new UserFacingError(`Cannot read the backup file ${file}: ${reason}.`);
}

function damaged(file: string, reason: string): UserFacingError {
  return new UserFacingError(`The backup file ${file} is damaged or not a Commitment Tracker backup (${reason}).`);
}

/**
 * Unpacks a backup into `folder` and checks it completely (format, version, every table file's
 * SHA-256 and row count) before anything touches a database.
 */
export async function readArchive(file: string, folder: string): Promise<Manifest> {
  try {
    const fd = fs.openSync(file, "r");
    const isFile = fs.fstatSync(fd).isFile();
    fs.closeSync(fd);
    if (!isFile) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
  } catch (error) {
    throw unreadable(file, error);
  }

  try {
    await tar.x({
      file,
      cwd: folder,
      strict: true,
      // Only what a backup holds: no links, devices or paths outside the two expected places.
      filter: (entryPath, entry) =>
        "type" in entry && (entry.type === "File" || entry.type === "Directory") && (entryPath === MANIFEST_FILE || /^tables\/?/.test(entryPath)),
    });
  } catch (error) {
    throw damaged(file, (error as Error).message.split("\n")[0] ?? "unreadable archive");
  }

  const manifestPath = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) throw damaged(file, "no manifest.json");
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  } catch {
    throw damaged(file, "manifest.json is not valid JSON");
  }
  const header = raw as { format?: unknown; formatVersion?: unknown };
  if (header?.format !== BACKUP_FORMAT) throw damaged(file, "manifest.json names another format");
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new UserFacingError(
      `The backup file ${file} has format version ${JSON.stringify(header.formatVersion)}, but this app reads version ${BACKUP_FORMAT_VERSION}: restore it with the app version that wrote it.`,
    );
  }
  const parsed = ZManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(file, `manifest.json: ${issue.path.join(".") || "(root)"} ${issue.message}`);
  }
  const manifest = parsed.data;
  for (const table of [manifest.migrationHistory, ...manifest.tables]) {
    const tableFile = path.join(folder, table.file);
    if (!fs.existsSync(tableFile)) throw damaged(file, `${table.file} is missing`);
    const { sha256, lines } = await digestFile(tableFile);
    if (sha256 !== table.sha256 || lines !== table.rows) throw damaged(file, `${table.file} does not match its checksum`);
  }
  return manifest;
}
