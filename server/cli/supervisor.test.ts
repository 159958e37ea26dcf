import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RestartPolicy, supervise, supervisedChild, type Supervisor } from "@/server/cli/supervisor";
import { logger } from "@/server/platform/log";

const POLICY = { firstDelayMs: 100, maxDelayMs: 1_000, maxRestarts: 3, windowMs: 60_000 };

/** A process that runs until it is killed. */
const sleeper = () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });

async function until<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let running: Supervisor | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  vi.restoreAllMocks();
});

describe("T17 the supervisor of npm start", () => {
  it("T17 restarts with a doubling delay and gives up on a crash loop; restarts age out of the window", () => {
    const policy = new RestartPolicy(POLICY);
    expect(policy.next(0)).toEqual({ delayMs: 100, restart: 1 });
    expect(policy.next(10)).toEqual({ delayMs: 200, restart: 2 });
    expect(policy.next(20)).toEqual({ delayMs: 400, restart: 3 });
    expect(policy.next(30)).toBeNull();
    // A minute later the old restarts no longer count: a rare crash is restarted quickly again.
    expect(policy.next(60_005)).toEqual({ delayMs: 400, restart: 3 });
    expect(policy.next(120_100)).toEqual({ delayMs: 100, restart: 1 });
  });

  it("T17 restarts a killed process, logs the restart in one line, and leaves the other process alone", async () => {
    const lines: unknown[][] = [];
    vi.spyOn(logger, "warn").mockImplementation(((...args: unknown[]) => void lines.push(args)) as never);
    const app = supervisedChild("The app server", sleeper);
    const database = supervisedChild("PostgreSQL", sleeper);
    const firstApp = app.pid()!;
    const databasePid = database.pid()!;
    running = supervise([app, database], { onGiveUp: () => expect.fail("gave up"), policy: POLICY });

    process.kill(firstApp, "SIGKILL");
    const secondApp = await until(() => (app.pid() && app.pid() !== firstApp ? app.pid() : undefined));
    expect(secondApp).not.toBe(firstApp);
    expect(database.pid()).toBe(databasePid);
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toMatch(/^The app server stopped unexpectedly \(killed by SIGKILL\); restarted it in \d+\.\d s \(restart 1 of at most 3 per 60 s\)\.$/);
  });

  it("T17 restarts an app server that ran out of memory", async () => {
    const lines: unknown[][] = [];
    vi.spyOn(logger, "warn").mockImplementation(((...args: unknown[]) => void lines.push(args)) as never);
    let starts = 0;
    const app = supervisedChild("The app server", () => {
      starts += 1;
      // The first one exhausts a small heap, as an app server past SERVER_HEAP_MB would.
      return starts === 1
        ? spawn(process.execPath, ["--max-old-space-size=16", "-e", "const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random()))"], { stdio: "ignore" })
        : sleeper();
    });
    running = supervise([app], { onGiveUp: () => expect.fail("gave up"), policy: POLICY });
    await until(() => (starts === 2 && app.pid() ? true : undefined), 30_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toMatch(/^The app server stopped unexpectedly \(aborted, for example out of memory\); restarted it/);
  });

  it("T17 stopping does not restart anything", async () => {
    const app = supervisedChild("The app server", sleeper);
    const spawned = vi.fn();
    const watched = { ...app, restart: async () => (spawned(), app.restart()) };
    running = supervise([watched], { onGiveUp: () => undefined, policy: POLICY });
    await running.stop();
    await new Promise((resolve) => setTimeout(resolve, POLICY.firstDelayMs * 3));
    expect(app.pid()).toBeUndefined();
    expect(spawned).not.toHaveBeenCalled();
  });

  it("T17 a process that keeps stopping ends in one give-up after the restart limit", async () => {
    vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    const fatal = vi.spyOn(logger, "fatal").mockImplementation((() => undefined) as never);
    let starts = 0;
    const crashing = supervisedChild("The app server", () => {
      starts += 1;
      return spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" });
    });
    const gaveUp = new Promise<void>((resolve) => {
      running = supervise([crashing], { onGiveUp: resolve, policy: { ...POLICY, firstDelayMs: 10 } });
    });
    await gaveUp;
    expect(starts).toBe(1 + POLICY.maxRestarts);
    expect(fatal).toHaveBeenCalledTimes(1);
    expect(String(fatal.mock.calls[0]![1])).toContain("keeps stopping (3 restarts within 60 s; last: exit code 3)");
  });
});
