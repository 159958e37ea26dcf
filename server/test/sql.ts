import pg from "pg";

/** A plain driver connection to `url` for one step of a test, closed afterwards. */
export async function withClient<T>(url: string, step: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await step(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs test-only DDL (temporary triggers that force failures) on the test database through a
 * plain driver connection. Only for statements built from generated identifiers, never input.
 */
export async function runTestDdl(sql: string) {
  await withClient(process.env.DATABASE_URL!, (client) => client.query(sql));
}
