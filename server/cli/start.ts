// `npm start`: one command from a fresh clone to a running app. Starts the embedded PostgreSQL
// (or checks DATABASE_URL), applies migrations, seeds demo data on first run, builds when the
// build is missing or older than the sources, then serves the app until Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, PROJECT_ROOT, openDatabase, prepareDatabase, runBin } from "@/server/cli/database";
import { buildIsCurrent } from "@/server/cli/build-freshness";
import { assertSafeToServe, isLoopbackHost, serveHost } from "@/server/cli/serve-host";
import { serverNodeOptions } from "@/server/cli/server-memory";
import { onStopSignal } from "@/server/cli/signals";
import { resolveSessionSecret } from "@/server/cli/session-secret";
import { supervise, supervisedChild, type Supervisor } from "@/server/cli/supervisor";
import { UserFacingError, runCli } from "@/server/cli/user-facing-error";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    demo: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "data-dir": { type: "string" },
    port: { type: "string" },
  },
});

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new UserFacingError(`Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`)
          : new UserFacingError(`Cannot listen on port ${port}: ${error.message}`),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main() {
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserFacingError(`PORT must be a number from 1 to 65535, not "${args.port ?? process.env.PORT}".`);
  const nodeOptions = serverNodeOptions();
  const host = serveHost();
  await assertPortFree(port, host);

  const dataDir = path.resolve(args["data-dir"] ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const database = await openDatabase({ dataDir, fresh: args.fresh });
  let supervisor: Supervisor | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await supervisor?.stop();
    await database.stop();
    process.exit(code);
  };
  onStopSignal(() => void shutdown(0));

  try {
    const secret = await resolveSessionSecret({ embedded: database.embedded, dataDir });
    process.env.DATABASE_URL = database.url;
    await prepareDatabase(database);
    if (!database.appRole) console.log("Note: the app server connects as the owner of the tables. Set APP_DATABASE_URL to a role of its own (README, Operations).");

    const { seedIfNeeded } = await import("@/server/cli/seeding");
    const seeded = await seedIfNeeded({ demo: database.embedded || args.demo || process.env.SEED_DEMO === "1" });
    if (seeded.demoSeeded) console.log("Demo data created: sign in as focal.at@demo.test with password demo-password-2017 (see README).");
    await assertSafeToServe(host);

    const distDir = process.env.NEXT_DIST_DIR || ".next";
    if (!args.dev && !buildIsCurrent(distDir)) {
      console.log("Building the app (first start or changed sources)…");
      const { code } = await runBin("next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }, { inherit: true });
      if (code !== 0) throw new UserFacingError("The build failed (see the output above).");
    }

    const env = {
      ...process.env,
      DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: nodeOptions,
    };
    // Next.js's own server, run through serve.mjs so that the app knows each request's TCP peer.
    const spawnApp = (): ChildProcess =>
      spawn(process.execPath, [path.join(PROJECT_ROOT, "server", "cli", "serve.mjs"), args.dev ? "dev" : "start", "-p", String(port), "-H", host], {
        cwd: PROJECT_ROOT,
        env,
        stdio: "inherit",
      });
    // Restarts the app server and the embedded PostgreSQL when either stops on its own.
    const app = supervisedChild("The app server", spawnApp);
    const watched = database.server ? [app, { name: "PostgreSQL", ...database.server }] : [app];
    supervisor = supervise(watched, { onGiveUp: () => void shutdown(1) });
    const where = database.embedded ? `embedded PostgreSQL, data in ${path.relative(PROJECT_ROOT, dataDir) || dataDir}` : "PostgreSQL from DATABASE_URL";
    const address = isLoopbackHost(host) ? `http://localhost:${port}` : `http://${net.isIPv6(host) ? `[${host}]` : host}:${port} (HOST: the network)`;
    console.log(`Commitment Tracker: ${address} (${where}). Press Ctrl-C to stop.`);
  } catch (error) {
    await database.stop();
    throw error;
  }
}

runCli(main);
