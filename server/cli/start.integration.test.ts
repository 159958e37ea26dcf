import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { checkDatabaseHealth } from "@/server/services/health";
import { bundledPostgresMajor, findFreePort } from "@/server/cli/postgres/embedded";
import { runScript } from "@/server/test/run-script";

/** Runs `npm start`'s entry point as a user would, and collects what it prints. */
function runStart(env: Record<string, string>, args: string[] = []) {
  return runScript(["server/cli/start.ts", ...args], { env: { DATABASE_URL: "", ...env }, timeoutMs: 60_000 });
}

function expectOneCleanLine(stderr: string) {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("npm start: errors a new user can hit get one clear line and a non-zero exit", () => {
  it("an unreachable DATABASE_URL names host and port and hides the password", async () => {
    const port = await findFreePort(); // nothing listens there
    const result = await runStart({ DATABASE_URL: `postgresql://tracker:s3cret-pass@127.0.0.1:${port}/tracker`, PORT: String(await findFreePort()) });
    expect(result.code).not.toBe(0);
    expectOneCleanLine(result.stderr);
    expect(result.stderr).toContain(`127.0.0.1:${port}`);
    expect(result.stderr).toContain("connection refused");
    expect(result.stderr + result.stdout).not.toContain("s3cret-pass");
  });

  it("a DATABASE_URL that is not PostgreSQL is refused", async () => {
    const result = await runStart({ DATABASE_URL: "mysql://root:pw@127.0.0.1:3306/x", PORT: String(await findFreePort()) });
    expect(result.code).not.toBe(0);
    expectOneCleanLine(result.stderr);
    expect(result.stderr).toContain("PostgreSQL");
  });

  it("the app port already in use", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runStart({ PORT: String(port) });
      expect(result.code).not.toBe(0);
      expectOneCleanLine(result.stderr);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("a data folder from an incompatible PostgreSQL version", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-old-data-"));
    fs.mkdirSync(path.join(dataDir, "pg"));
    const old = bundledPostgresMajor() - 3;
    fs.writeFileSync(path.join(dataDir, "pg", "PG_VERSION"), `${old}\n`);
    try {
      const result = await runStart({ PORT: String(await findFreePort()) }, ["--data-dir", dataDir]);
      expect(result.code).not.toBe(0);
      expectOneCleanLine(result.stderr);
      expect(result.stderr).toContain(`created by PostgreSQL ${old}`);
      expect(fs.readFileSync(path.join(dataDir, "pg", "PG_VERSION"), "utf8")).toBe(`${old}\n`); // untouched
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("health", () => {
  it("reports the database up, and down (never throwing) when it cannot be reached", async () => {
    expect(await checkDatabaseHealth()).toEqual({ status: "ok", database: "up" });
    const port = await findFreePort();
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: `postgresql://x:y@127.0.0.1:${port}/none`, connectionTimeoutMillis: 1000 }),
    });
    expect(await checkDatabaseHealth(3000, unreachable)).toEqual({ status: "unavailable", database: "down" });
    await unreachable.$disconnect();
  });
});
