import pg from "pg";

// Test helpers that make the app's own queries wait, from a separate connection: a held lock is a
// slow statement the test controls, without touching the app's code.

export type HeldLock = { release: () => Promise<void> };

async function holding(sql: string, values: unknown[] = []): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, values);
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

/** Every query on the table waits until released (kept short: other test files share the database). */
export function lockTable(table: string): Promise<HeldLock> {
  return holding(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
}

/** Writes to this one row wait until released; reads and other rows go on. */
export function lockRow(table: string, id: string): Promise<HeldLock> {
  return holding(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
}

/**
 * Resolves once `count` of the app's statements wait for a lock (and, when given, have been in
 * their transaction for at least `openForMs`): the condition the tests wait for, instead of sleeping.
 */
export async function waitForBlockedStatements(count: number, options: { like?: string; openForMs?: number } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
            AND query LIKE $1 AND clock_timestamp() - coalesce(xact_start, query_start) >= make_interval(secs => $2::float8 / 1000)`,
        [options.like ?? "%", options.openForMs ?? 0],
      );
      if (rows[0]!.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`Fewer than ${count} statements waited for a lock within 20 s`);
  } finally {
    await client.end();
  }
}
