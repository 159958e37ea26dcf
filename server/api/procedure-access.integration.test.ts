import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { callerAs, callerFor } from "@/server/test/factories";

// T03: every procedure of the router is classified, and each classification is enforced.

const procedures = Object.keys(appRouter._def.procedures).sort();
const ROOT = path.resolve(import.meta.dirname, "..", "..");

function testSources(): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(integration\.test|spec)\.ts$/.test(entry.name) && !full.endsWith("procedure-access.integration.test.ts")) {
        found.push(fs.readFileSync(full, "utf8"));
      }
    }
  };
  walk(path.join(ROOT, "server"));
  walk(path.join(ROOT, "e2e"));
  return found.join("\n");
}

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

async function call(caller: unknown, procedure: string) {
  const [namespace, name] = procedure.split(".") as [string, string];
  return (caller as AnyCaller)[namespace]![name]!({});
}

describe("router coverage (T03)", () => {
  it("classifies every procedure, and lists none that does not exist", () => {
    expect(procedures.filter((procedure) => !(procedure in PROCEDURE_ACCESS))).toEqual([]);
    expect(Object.keys(PROCEDURE_ACCESS).filter((procedure) => !procedures.includes(procedure))).toEqual([]);
  });

  it("has a test that calls every procedure by name", () => {
    const sources = testSources();
    const untested = procedures.filter((procedure) => {
      const [namespace, name] = procedure.split(".") as [string, string];
      return !new RegExp(`\\b${namespace}\\.${name}\\(`).test(sources);
    });
    expect(untested).toEqual([]);
  });

  for (const procedure of procedures) {
    const access = PROCEDURE_ACCESS[procedure];
    it(`${procedure} (${access}) refuses whoever it must`, async () => {
      const visitor = await callerAs("public");
      if (access === "public") {
        const outcome = await call(visitor, procedure).catch((error: { code?: string }) => error);
        expect((outcome as { code?: string })?.code).not.toBe("UNAUTHORIZED");
        expect((outcome as { code?: string })?.code).not.toBe("FORBIDDEN");
        return;
      }
      await expect(call(visitor, procedure)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      if (access === "secretariat" || access === "admin") {
        const focal = await callerFor("FOCAL_POINT", "AT");
        await expect(call(focal.caller, procedure)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      if (access === "admin") {
        const analyst = await callerFor("ANALYST");
        await expect(call(analyst.caller, procedure)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      if (access === "own-state") {
        // Secretariat staff do not report for a State; another State's ids are covered by
        // the cross-State tests of each service.
        const analyst = await callerFor("ANALYST");
        const outcome = await call(analyst.caller, procedure).catch((error: { code?: string }) => error);
        expect(["FORBIDDEN", "BAD_REQUEST"]).toContain((outcome as { code?: string }).code);
      }
    });
  }
});
