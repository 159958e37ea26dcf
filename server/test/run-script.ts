import { spawn } from "node:child_process";
import path from "node:path";
import { scriptArgs } from "@/server/cli/tsx";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type ScriptRun = { code: number; stdout: string; stderr: string };

/**
 * Runs a command-line script from the sources as its npm script does, in the
 * project folder, and collects what it prints. `env` is laid over this process's environment (a
 * variable given as undefined is removed); past `timeoutMs` the script is killed.
 */
export function runScript([script, ...args]: [string, ...string[]], options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<ScriptRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, scriptArgs(script, ...args), { cwd: ROOT, env });
    const run: ScriptRun = { code: 1, stdout: "", stderr: "" };
    child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ...run, code: code ?? 1 });
    });
  });
}
