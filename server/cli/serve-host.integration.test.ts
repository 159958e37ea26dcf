import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/server/cli/postgres/embedded";
import { scriptArgs } from "@/server/cli/tsx";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SERVING = /Commitment Tracker: http:\/\//;

type Run = { code: number | null; stdout: string; stderr: string; child: ChildProcess };

/**
 * Runs a command-line entry point as a user would. Resolves when it exits, or as soon as `until`
 * appears in its output (it then keeps running: stop it with `stop`).
 */
function run(script: string, env: Record<string, string>, args: string[], until?: RegExp) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, scriptArgs(script, ...args), {
      cwd: ROOT,
      // The development server needs no build; its own folder keeps it apart from a running app.
      env: { ...process.env, DATABASE_URL: "", NEXTAUTH_SECRET: "", HOST: "", NEXT_DIST_DIR: ".next-serve-test", ...env },
    });
    const result: Run = { code: null, stdout: "", stderr: "", child };
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    const check = () => {
      if (until?.test(result.stdout)) {
        clearTimeout(timer);
        resolve(result);
      }
    };
    child.stdout.on("data", (chunk: Buffer) => {
      result.stdout += chunk.toString();
      check();
    });
    child.stderr.on("data", (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      result.code = code;
      resolve(result);
    });
  });
}

async function stop(result: Run) {
  if (result.child.exitCode !== null || result.child.signalCode !== null) return;
  const exited = new Promise((resolve) => result.child.once("close", resolve));
  result.child.kill("SIGTERM");
  await exited;
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitUntilAccepting(host: string, port: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await accepts(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** A GET through `agent`: the status and the local port of the connection it used. */
function getThrough(agent: http.Agent, url: string): Promise<{ status: number; localPort: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      const localPort = response.socket.localPort ?? 0;
      response.resume();
      response.once("end", () => resolve({ status: response.statusCode ?? 0, localPort }));
    });
    request.once("error", reject);
  });
}

/** An address of this machine on a network (not loopback), when it has one. */
function networkAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === "IPv4")?.address;
}

describe("T26 default credentials: where npm start serves while demo accounts have the published password", () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-serve-host-"));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when the tests run as root
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, ".next-serve-test"), { recursive: true, force: true });
  });

  it("T26 HOST=0.0.0.0 with the demo accounts exits non-zero with one line saying how to proceed, and serves nothing", async () => {
    const port = await findFreePort();
    const result = await run("server/cli/start.ts", { HOST: "0.0.0.0", PORT: String(port) }, ["--dev", "--data-dir", dataDir], SERVING);
    await stop(result);
    expect(result.stdout).not.toMatch(SERVING);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("0.0.0.0");
    expect(lines[0]).toContain("published password");
    expect(lines[0]).toContain("npm run demo:disable");
    expect(await accepts("127.0.0.1", port)).toBe(false);
  }, 180_000);

  it("T26 without HOST it serves this machine only (127.0.0.1), demo accounts and all", async () => {
    const port = await findFreePort();
    const result = await run("server/cli/start.ts", { PORT: String(port) }, ["--dev", "--data-dir", dataDir], SERVING);
    try {
      expect(result.stdout).toContain(`http://localhost:${port}`);
      expect(await waitUntilAccepting("127.0.0.1", port)).toBe(true);
      const address = networkAddress();
      if (address) expect(await accepts(address, port)).toBe(false);

      // An idle keep-alive connection stays open longer than clients and proxies keep theirs (Node's
      // own 5 s would close it just as a client reuses it: the client then gets ECONNRESET).
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await getThrough(agent, `http://127.0.0.1:${port}/api/health`);
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        const second = await getThrough(agent, `http://127.0.0.1:${port}/api/health`);
        expect([first.status, second.status]).toEqual([200, 200]);
        expect(second.localPort).toBe(first.localPort);
      } finally {
        agent.destroy();
      }
    } finally {
      await stop(result);
    }
  }, 180_000);

  it("T26 after npm run demo:disable, HOST=0.0.0.0 serves the network", async () => {
    const disabled = await run("server/cli/demo-disable.ts", {}, ["--data-dir", dataDir]);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain("Disabled 5 demo accounts");

    const again = await run("server/cli/demo-disable.ts", {}, ["--data-dir", dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No demo account has the published password");

    const port = await findFreePort();
    const result = await run("server/cli/start.ts", { HOST: "0.0.0.0", PORT: String(port) }, ["--dev", "--data-dir", dataDir], SERVING);
    try {
      expect(result.stderr).not.toMatch(/Error/);
      expect(await waitUntilAccepting("127.0.0.1", port)).toBe(true);
      const address = networkAddress();
      if (address) expect(await accepts(address, port)).toBe(true);
    } finally {
      await stop(result);
    }
  }, 180_000);
});
