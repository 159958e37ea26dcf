import pg from "pg";
import { parse } from "pg-connection-string";
import { UserFacingError } from "@/server/cli/user-facing-error";

/** "host:port/database as user", never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const config = parse(url);
    const host = config.host ?? "localhost";
    return `${host}:${config.port ?? 5432}/${config.database ?? ""}${config.user ? ` as ${config.user}` : ""}`;
  } catch {
    return "(unparseable URL)";
  }
}

function reasonFor(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (is PostgreSQL running there?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "ETIMEDOUT":
      return "timed out";
    case "28P01":
    case "28000":
      return "the user name or password was rejected";
    case "3D000":
      return "the database does not exist";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.includes("timeout") ? "timed out" : message.split("\n")[0]!;
    }
  }
}

/** Connects once, or throws a one-line error naming host and port (password hidden). */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000, setting = "DATABASE_URL"): Promise<void> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UserFacingError(`${setting} must start with postgresql:// (PostgreSQL is the only supported database).`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new UserFacingError(
      `Cannot reach the PostgreSQL server at ${describeDatabaseUrl(url)}: ${reasonFor(error)}. Check ${setting}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
