import pg from "pg";

/**
 * Runs test-only DDL (temporary triggers that force failures) on the test database through a
 * plain driver connection. Only for statements built from generated identifiers, never input.
 */
export async function runTestDdl(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
