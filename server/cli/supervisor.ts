// `npm start` keeps what it started running: when the embedded PostgreSQL or the app server
// stops on its own (killed, out of memory, a crash), it is started again after a short delay,
// each restart logged in one line. The other process is left alone: the app reconnects to a
// restarted PostgreSQL by itself, and a restarted app server finds the database as it was. A
// process that keeps stopping (a crash loop) is not restarted for ever: npm start then stops
// everything and exits, so that a service manager or a person sees it.
import type { ChildProcess } from "node:child_process";
import { logger } from "@/server/platform/log";

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A process the supervisor watches and restarts. */
export type Supervised = {
  /** How log lines name it: "PostgreSQL", "The app server". */
  name: string;
  /** Resolves when the running process exits, for whatever reason. */
  exited: () => Promise<Exit>;
  /** Starts it again; rejects when it does not come up. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  pid: () => number | undefined;
};

export type RestartPolicyOptions = {
  /** Delay before the first restart; doubled for each further restart within the window. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** More restarts than this within `windowMs` is a crash loop: give up. */
  maxRestarts: number;
  windowMs: number;
};

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { firstDelayMs: 250, maxDelayMs: 8_000, maxRestarts: 5, windowMs: 60_000 };

/** Backoff and crash-loop limit: restarts are counted within a sliding window. */
export class RestartPolicy {
  private recent: number[] = [];
  constructor(readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** The delay before the next restart and its number within the window, or null to give up. */
  next(now = Date.now()): { delayMs: number; restart: number } | null {
    const { firstDelayMs, maxDelayMs, maxRestarts, windowMs } = this.options;
    this.recent = this.recent.filter((at) => now - at < windowMs);
    if (this.recent.length >= maxRestarts) return null;
    const delayMs = Math.min(firstDelayMs * 2 ** this.recent.length, maxDelayMs);
    this.recent.push(now);
    return { delayMs, restart: this.recent.length };
  }
}

export function describeExit({ code, signal }: Exit): string {
  // Node aborts when its heap is exhausted ("JavaScript heap out of memory").
  if (signal === "SIGABRT" || code === 134) return "aborted, for example out of memory";
  if (signal) return `killed by ${signal}`;
  return `exit code ${code ?? "unknown"}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The app server as a supervised process: `spawnApp` starts one (same port, same settings). */
export function supervisedChild(name: string, spawnApp: () => ChildProcess, stopTimeoutMs = 10_000): Supervised {
  let child = spawnApp();
  const alive = () => child.exitCode === null && child.signalCode === null;
  const exited = () =>
    new Promise<Exit>((resolve) => {
      const current = child;
      if (current.exitCode !== null || current.signalCode !== null) return resolve({ code: current.exitCode, signal: current.signalCode });
      current.once("exit", (code, signal) => resolve({ code, signal }));
    });
  return {
    name,
    exited,
    pid: () => (alive() ? child.pid : undefined),
    restart: async () => {
      child = spawnApp();
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", () => resolve());
        child.once("error", reject);
      });
    },
    stop: async () => {
      if (!alive()) return;
      const done = exited();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
      await done;
      clearTimeout(timer);
    },
  };
}

export type Supervisor = {
  /** Stops every process (in the order given: the app before its database); no more restarts. */
  stop: () => Promise<void>;
};

/**
 * Watches each process and restarts it when it stops on its own. `onGiveUp` is called (once) when
 * one of them keeps stopping.
 */
export function supervise(processes: Supervised[], options: { onGiveUp: () => void; policy?: RestartPolicyOptions }): Supervisor {
  let stopping = false;
  let gaveUp = false;

  async function watch(target: Supervised) {
    const policy = new RestartPolicy(options.policy);
    for (;;) {
      const exit = await target.exited();
      if (stopping) return;
      const reason = describeExit(exit);
      const stoppedAt = Date.now();
      for (;;) {
        const step = policy.next();
        if (!step) {
          logger.fatal({ event: "supervisor.crash_loop", process: target.name, reason }, `${target.name} keeps stopping (${policy.options.maxRestarts} restarts within ${policy.options.windowMs / 1000} s; last: ${reason}); stopping Commitment Tracker.`);
          if (!gaveUp) {
            gaveUp = true;
            options.onGiveUp();
          }
          return;
        }
        // Also lets a Ctrl-C, which reaches every process of the terminal at once, set `stopping`
        // before anything is restarted.
        await sleep(step.delayMs);
        if (stopping) return;
        try {
          await target.restart();
          const seconds = ((Date.now() - stoppedAt) / 1000).toFixed(1);
          logger.warn(
            { event: "supervisor.restarted", process: target.name, reason, restart: step.restart, pid: target.pid() },
            `${target.name} stopped unexpectedly (${reason}); restarted it in ${seconds} s (restart ${step.restart} of at most ${policy.options.maxRestarts} per ${policy.options.windowMs / 1000} s).`,
          );
          break;
        } catch (error) {
          if (stopping) return;
          logger.warn({ event: "supervisor.restart_failed", process: target.name, error: firstLine(error) }, `${target.name} did not start again: ${firstLine(error)}`);
        }
      }
    }
  }

  for (const target of processes) void watch(target);

  return {
    stop: async () => {
      stopping = true;
      for (const target of processes) await target.stop().catch(() => undefined);
    },
  };
}
