import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/prisma/generated/client";

function createPool() {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
    // Fail fast when PostgreSQL is down, so requests answer 503 instead of hanging.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    // A server that vanished without closing its connections (a failover, a dead host) is noticed
    // by TCP keepalive; without it a query on such a connection could wait for many minutes.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // pg-pool removes it (and any connection released after an error), and the next query opens
  // a fresh one, or fails fast with a connection error that the API answers with 503.
  pool.on("error", () => undefined);
  return pool;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

const globalForDb = globalThis as unknown as { db?: ReturnType<typeof createClient>; pool?: pg.Pool };

/** The one connection pool of the process, shared by Prisma and the report queries. */
export const pool = globalForDb.pool ?? createPool();
/** The only Prisma client of the process. Kept on globalThis so hot reload reuses its pool. */
export const db = globalForDb.db ?? createClient(pool);
if (process.env.NODE_ENV !== "production") {
  globalForDb.pool = pool;
  globalForDb.db = db;
}

/**
 * Runs a read-only SQL query built with `Prisma.sql` (values always bound as parameters) straight
 * on the pool and returns its rows as `pg` parses them. The reports use it for their large
 * aggregate results, where mapping every row through Prisma costs more than the query itself.
 * Column types: uuid and text are strings, int and float8 numbers, timestamptz Dates, json parsed;
 * select `date` columns as text (`sqlIsoDay`) so they do not depend on the server's time zone.
 */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await pool.query(query.text, query.values as unknown[]);
  return result.rows as Row[];
}

/** A `date` column as YYYY-MM-DD text, formatted by PostgreSQL. */
export const sqlIsoDay = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
/** A `timestamptz` column as ISO 8601 UTC text with milliseconds, as `Date.toISOString()` writes it. */
export const sqlIsoTime = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Closes Prisma and the pool, so a command-line process can exit. */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  await pool.end();
}

/** Whether a `pg` error is a unique violation (of the named constraint or index, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, constraint: violated } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === "23505" && (constraint === undefined || violated === constraint);
}
