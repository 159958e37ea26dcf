// What a backup holds, read from PostgreSQL's catalog rather than listed by hand, so a table that a
// later migration adds is backed up without anyone remembering to add it here.
import pg from "pg";
import { UserFacingError } from "@/server/cli/user-facing-error";

export const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Every session of backup and restore renders values alike, so the COPY text and the content
 * checksums do not depend on the server's or the role's settings (time zone, date style) and
 * match across PostgreSQL versions. Long backups must not be cut by a timeout meant for the app.
 */
const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET extra_float_digits = 1",
  "SET bytea_output = 'hex'",
  "SET client_encoding = 'UTF8'",
  "SET standard_conforming_strings = on",
  "SET statement_timeout = 0",
  "SET lock_timeout = 0",
  "SET idle_in_transaction_session_timeout = 0",
];

export async function prepareSession(client: pg.Client): Promise<void> {
  for (const statement of SESSION_SETTINGS) await client.query(statement);
}

export const quoteIdent = (name: string) => pg.escapeIdentifier(name);

export type CatalogTable = { name: string; columns: string[] };

/** Ordinary tables of the current schema (not extensions' own), each with its writable columns. */
async function schemaTables(client: pg.Client): Promise<Array<CatalogTable & { oid: number }>> {
  const { rows } = await client.query<{ oid: number; name: string; columns: string[] }>(`
    SELECT c.oid::int AS oid, c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attname IS NOT NULL) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = current_schema()
      AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    GROUP BY c.oid, c.relname
    ORDER BY c.relname`);
  return rows.map((row) => ({ ...row, columns: row.columns ?? [] }));
}

/** Names of every table in the current schema, the migrations table included. */
export async function tableNames(client: pg.Client): Promise<string[]> {
  return (await schemaTables(client)).map((table) => table.name);
}

/**
 * The app's tables (all but the migrations table) in an order where every table comes after the
 * tables its foreign keys point to, so a restore can load them with every constraint checked.
 */
export async function appTablesInLoadOrder(client: pg.Client): Promise<CatalogTable[]> {
  const tables = (await schemaTables(client)).filter((table) => table.name !== MIGRATIONS_TABLE);
  const { rows: references } = await client.query<{ child: number; parent: number }>(
    `SELECT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint
     WHERE contype = 'f' AND conrelid = ANY($1::oid[])`,
    [tables.map((table) => table.oid)],
  );
  const byOid = new Map(tables.map((table) => [table.oid, table]));
  const parents = new Map(tables.map((table) => [table.oid, new Set<number>()]));
  for (const { child, parent } of references) {
    if (!byOid.has(parent)) continue;
    if (child === parent) {
      // Rows of such a table would have to be loaded parent row first, which COPY cannot promise.
      throw new UserFacingError(`Table "${byOid.get(child)!.name}" references itself; backups do not support that yet.`);
    }
    parents.get(child)!.add(parent);
  }
  const ordered: CatalogTable[] = [];
  const placed = new Set<number>();
  while (ordered.length < tables.length) {
    // Alphabetical among the ready ones, so two backups of one schema list tables alike.
    const ready = tables.find((table) => !placed.has(table.oid) && [...parents.get(table.oid)!].every((oid) => placed.has(oid)));
    if (!ready) {
      const left = tables.filter((table) => !placed.has(table.oid)).map((table) => table.name);
      throw new UserFacingError(`Tables ${left.join(", ")} reference each other in a cycle; backups do not support that yet.`);
    }
    placed.add(ready.oid);
    ordered.push({ name: ready.name, columns: ready.columns });
  }
  return ordered;
}

export async function migrationsTable(client: pg.Client): Promise<CatalogTable | null> {
  return (await schemaTables(client)).find((table) => table.name === MIGRATIONS_TABLE) ?? null;
}

/** Migrations applied to completion and not rolled back, oldest first: the schema's level. */
export async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${quoteIdent(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

export type SequenceState = { name: string; lastValue: string | null };

/** Sequences of the current schema; lastValue is null for one never used. */
export async function sequenceStates(client: pg.Client): Promise<SequenceState[]> {
  const { rows } = await client.query<SequenceState>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
     WHERE schemaname = current_schema() ORDER BY sequencename`,
  );
  return rows;
}

export type TableContent = { rows: number; checksum: string };

/**
 * Row count and an order-independent checksum of a table's content, computed by PostgreSQL: the
 * sum of each row's SHA-256 (first 128 bits, as two signed 64-bit sums). It needs no sort and no
 * memory beyond one row, and the same rows give the same figure on another server or version.
 */
export async function tableContent(client: pg.Client, table: CatalogTable): Promise<TableContent> {
  const row = `ROW(${table.columns.map(quoteIdent).join(", ")})::text`;
  const { rows } = await client.query<{ rows: string; a: string; b: string }>(`
    SELECT count(*)::text AS rows,
           coalesce(sum(('x' || encode(substring(h FROM 1 FOR 8), 'hex'))::bit(64)::bigint), 0)::text AS a,
           coalesce(sum(('x' || encode(substring(h FROM 9 FOR 8), 'hex'))::bit(64)::bigint), 0)::text AS b
    FROM (SELECT sha256(convert_to(${row}, 'UTF8')) AS h FROM ${quoteIdent(table.name)}) hashed`);
  const result = rows[0]!;
  return { rows: Number(result.rows), checksum: `sha256-sum:${result.a}:${result.b}` };
}

export function copyColumns(table: CatalogTable): string {
  return `${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")})`;
}

export async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ version: string; num: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
  );
  return { version: rows[0]!.version, major: Math.floor(Number(rows[0]!.num) / 10000) };
}
