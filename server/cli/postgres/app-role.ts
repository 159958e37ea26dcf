// The app server connects with a role that reads and writes the data but owns nothing: only the
// owner of a table may alter or drop it or disable its triggers, so the audit trigger and the
// schema stay out of the app's reach even if the app were made to run arbitrary SQL.
import pg from "pg";
import { UserFacingError } from "@/server/cli/user-facing-error";

/**
 * Records of what happened: the app appends to them and reads them, never changes or removes a
 * row. A new table of this kind belongs here too.
 */
export const APPEND_ONLY_TABLES = ["AuditEvent", "CommitmentStatusChange", "Assessment"] as const;

/** Prisma's own bookkeeping: the migrations (run as the owner) need it, the app does not. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"] as const;

const ident = (name: string) => pg.escapeIdentifier(name);

async function withClient<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the login role, or sets its password, as a role allowed to manage roles. */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const verb = rowCount ? "ALTER" : "CREATE";
    await client.query(
      `${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(password)}`,
    );
  });
}

/**
 * As the owner (right after migrating): lets `role` read and write every table of the schema,
 * append only to the append-only ones, and nothing else. Idempotent; run after every migration.
 * Default privileges also cover tables a later migration creates before the next run.
 */
export async function grantAppPrivileges(ownerUrl: string, role: string, setting = "APP_DATABASE_URL"): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owner: string; schema: string; database: string; exists: boolean; superuser: boolean; ownsTables: boolean }>(
      `SELECT current_user AS owner, current_schema() AS schema, current_database() AS database,
              r.rolname IS NOT NULL AS exists, coalesce(r.rolsuper, false) AS superuser,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = current_schema() AND r.rolname IS NOT NULL
                        AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS "ownsTables"
       FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = $1`,
      [role],
    );
    const facts = rows[0]!;
    if (!facts.exists) {
      throw new UserFacingError(
        `The role "${role}" of ${setting} does not exist. Create it as the database owner: CREATE ROLE ${ident(role)} LOGIN PASSWORD '…';`,
      );
    }
    if (facts.superuser || facts.ownsTables || role === facts.owner) {
      throw new UserFacingError(
        `${setting} connects as "${role}", which ${facts.superuser ? "is a superuser" : "owns the tables (or is a member of their owner)"}: it could alter tables and disable the audit trigger. Give the app a role of its own that owns nothing.`,
      );
    }
    const schema = ident(facts.schema);
    const app = ident(role);
    const existing = async (tables: readonly string[]) => {
      const found = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[])`,
        [tables],
      );
      return found.rows.map((row) => `${schema}.${ident(row.name)}`);
    };
    const appendOnly = await existing(APPEND_ONLY_TABLES);
    const ownerOnly = await existing(OWNER_ONLY_TABLES);

    await client.query("BEGIN");
    try {
      // Instances starting together would otherwise collide on the same catalog rows.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('commitment-tracker:app-grants'))");
      await client.query(`GRANT CONNECT ON DATABASE ${ident(facts.database)} TO ${app}`);
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
      await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schema} FROM ${app}`);
      if (appendOnly.length) await client.query(`REVOKE UPDATE, DELETE ON ${appendOnly.join(", ")} FROM ${app}`);
      if (ownerOnly.length) await client.query(`REVOKE ALL ON ${ownerOnly.join(", ")} FROM ${app}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}
