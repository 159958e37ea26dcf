// The production build of the app in its own folder (.next-bench for the bench, .next-test for
// the tests), started against a database on a loopback port, with its memory sampled from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT, runBin } from "@/server/cli/database";
import { buildIsCurrent } from "@/server/cli/build-freshness";
import { serverNodeOptions } from "@/server/cli/server-memory";

export const DIST_DIR = ".next-bench";
// `next build` rewrites these to mention its dist folder; the bench puts them back as they were.
const FILES_NEXT_REWRITES = ["tsconfig.json", "next-env.d.ts"];

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process holding the lock, or null while it is being taken or released. */
function lockOwner(lock: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(lock, "pid"), "utf8")) || null;
  } catch {
    return null;
  }
}

/**
 * Runs `build` while holding a lock folder beside the build, so that two processes (two test
 * files, or a test and the bench) never write one build folder at once. A lock left by a process
 * that died is taken over.
 */
async function withBuildLock<T>(distDir: string, build: () => Promise<T>): Promise<T> {
  const lock = path.join(PROJECT_ROOT, `${distDir}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = lockOwner(lock);
      if (owner !== null && !processAlive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds into distDir when the build is missing or older than the sources; returns seconds spent. */
export async function ensureBuild(distDir = DIST_DIR, options: { quiet?: boolean } = {}): Promise<number | null> {
  if (buildIsCurrent(distDir)) return null;
  return withBuildLock(distDir, () => build(distDir, options));
}

async function build(distDir: string, options: { quiet?: boolean }): Promise<number | null> {
  // Another process may have built it while this one waited for the lock.
  if (buildIsCurrent(distDir)) return null;
  if (!options.quiet) console.log(`Building the app into ${distDir} (missing or older than the sources)…`);
  const saved = new Map<string, string | null>();
  for (const file of FILES_NEXT_REWRITES) {
    const full = path.join(PROJECT_ROOT, file);
    saved.set(full, fs.existsSync(full) ? fs.readFileSync(full, "utf8") : null);
  }
  const started = Date.now();
  try {
    const { code, output } = await runBin("next", ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" });
    if (code !== 0) throw new Error(`next build failed:\n${output.split("\n").slice(-30).join("\n")}`);
  } finally {
    for (const [file, content] of saved) {
      if (content === null) continue;
      if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content);
    }
  }
  return (Date.now() - started) / 1000;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function freePortIn(first: number, last: number): Promise<number> {
  for (let port = first; port <= last; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port in ${first}-${last}.`);
}

/** The process and all its descendants, from /proc. */
function processTree(rootPid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return tree;
}

function readRss(pid: number): { name: string; rssKb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return { name: cmdline, rssKb: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

export type MemoryPeak = { serverPeakMb: number; serverProcess: string; treePeakMb: number; samples: number };

export type AppServer = {
  baseUrl: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
  memory: () => MemoryPeak;
  /** Samples taken during a phase: call with a label to start one, again to read its peak. */
  phasePeak: (phase: string) => number;
  logTail: () => string;
};

export type ServerOptions = {
  distDir?: string;
  /** The session secret; instances that share sessions need the same one. Random by default. */
  secret?: string;
  /** More environment for the server (it wins over the defaults). */
  env?: Record<string, string>;
};

export async function startServer(databaseUrl: string, port: number, options: ServerOptions = {}): Promise<AppServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // The same server `npm start` runs (Next.js through serve.mjs, which knows each request's TCP
  // peer), so per-address limits behave here as they do in production.
  const child: ChildProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, "server", "cli", "serve.mjs"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: options.secret ?? crypto.randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: options.distDir ?? DIST_DIR,
      // The same heap budget as `npm start` gives the server (SERVER_HEAP_MB).
      NODE_OPTIONS: serverNodeOptions(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20000)));
  child.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20000)));

  let serverPeakKb = 0;
  let treePeakKb = 0;
  let serverProcess = "";
  let samples = 0;
  const phases = new Map<string, number>();
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    let total = 0;
    for (const pid of processTree(child.pid)) {
      const rss = readRss(pid);
      if (!rss) continue;
      total += rss.rssKb;
      if (rss.rssKb > serverPeakKb) {
        serverPeakKb = rss.rssKb;
        serverProcess = rss.name;
      }
      for (const [phase, peak] of phases) if (rss.rssKb > peak) phases.set(phase, rss.rssKb);
    }
    treePeakKb = Math.max(treePeakKb, total);
    samples++;
  };
  const sampler = setInterval(sample, 200);
  sampler.unref();

  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited (${child.exitCode}):\n${log.slice(-3000)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app server did not answer /api/health within 120 s:\n${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  sample();

  return {
    baseUrl,
    port,
    pid: child.pid!,
    stop,
    memory: () => ({ serverPeakMb: Math.round(serverPeakKb / 1024), serverProcess, treePeakMb: Math.round(treePeakKb / 1024), samples }),
    phasePeak: (phase) => {
      if (!phases.has(phase)) {
        phases.set(phase, 0);
        return 0;
      }
      return Math.round(phases.get(phase)! / 1024);
    },
    logTail: () => log.slice(-3000),
  };
}
