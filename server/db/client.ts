import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/prisma/generated/client";

/** A duration in milliseconds from the environment: a whole number, 0 for "no limit". */
function envMilliseconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds (0 for no limit), not "${raw}".`);
  return value;
}

/**
 * How long one SQL statement of a request may run before PostgreSQL cancels it (the request then
 * answers 503). It bounds what one expensive report can take from everyone else; the slowest
 * report at OSCE scale (the 20-quarter trend) takes about 5 s on its own.
 */
export const STATEMENT_TIMEOUT_MS = envMilliseconds("DATABASE_STATEMENT_TIMEOUT_MS", 30_000);
/**
 * How long an interactive transaction may stay open (Prisma's `timeout`) and wait for a connection
 * (`maxWait`); past either the request answers 503 and the transaction is rolled back. 0 keeps
 * Prisma's defaults, which these are.
 */
export const TRANSACTION_TIMEOUT_MS = envMilliseconds("DATABASE_TRANSACTION_TIMEOUT_MS", 5_000);
export const TRANSACTION_MAX_WAIT_MS = envMilliseconds("DATABASE_TRANSACTION_MAX_WAIT_MS", 2_000);

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
    // Sent as session settings when each connection opens, so they hold for Prisma and queryRows
    // alike; 0 leaves PostgreSQL's own (no limit).
    ...(STATEMENT_TIMEOUT_MS > 0 ? { statement_timeout: STATEMENT_TIMEOUT_MS } : {}),
    // A transaction left open (a crashed request) must not hold its locks for ever.
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // pg-pool removes it (and any connection released after an error), and the next query opens
  // a fresh one, or fails fast with a connection error that the API answers with 503.
  pool.on("error", () => undefined);
  pool.on("connect", queueQueries);
  return pool;
}

/**
 * Makes a connection run its queries one after another, in the order they were issued. Prisma's
 * adapter starts a transaction's nested reads (a select of several relations) together on the
 * transaction's one connection; pg queued them itself until 8.19, now warns, and pg 9 will refuse.
 * Only promise queries are queued: a callback or streaming query is pg-pool's or a COPY's, on a
 * connection nobody else is using at that moment.
 */
function queueQueries(client: pg.PoolClient) {
  const run = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]) => {
    const [config, values, callback] = args;
    const submittable = typeof config === "object" && config !== null && typeof (config as { submit?: unknown }).submit === "function";
    if (submittable || typeof values === "function" || typeof callback === "function") return run(...args);
    const result = last.then(() => run(...args));
    last = result.catch(() => undefined);
    return result;
  };
  (client as unknown as { query: typeof queued }).query = queued;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: {
      ...(TRANSACTION_TIMEOUT_MS > 0 ? { timeout: TRANSACTION_TIMEOUT_MS } : {}),
      ...(TRANSACTION_MAX_WAIT_MS > 0 ? { maxWait: TRANSACTION_MAX_WAIT_MS } : {}),
    },
  });
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
 * Runs one SQL statement built with `Prisma.sql` (values always bound as parameters) straight on
 * the pool Prisma also uses, and returns its rows as `pg` parses them. For the reports' large
 * aggregate reads, where mapping every row through Prisma costs more than the query itself, and for
 * the few writes that are one statement on their hot path (data-modifying CTEs, atomic on their own:
 * never part of a Prisma transaction). The SQL lives in `*.sql.ts` modules beside each service.
 * Column types: uuid and text are strings, int and float8 numbers, timestamptz Dates, json parsed;
 * select `date` columns as text (`sqlIsoDay`) so they do not depend on the server's time zone.
 */
export async function queryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await pool.query(query.text, query.values as unknown[]);
  return result.rows as Row[];
}

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Closes Prisma and the pool, so a command-line process can exit. */
export async function closeDatabase(): Promise<void> {
  await db.$disconnect();
  await pool.end();
}
