const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests create and drop databases: refuse anything but a PostgreSQL on this machine. */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_NONLOCAL_TEST_DB !== "1") {
    throw new Error(`Refusing to run tests against ${host}: TEST_DATABASE_URL must point at this machine.`);
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
