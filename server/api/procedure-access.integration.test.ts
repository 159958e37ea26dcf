import fs from "node:fs";
import path from "node:path";
import type { ZodMiniType } from "zod/mini";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { PROCEDURE_ACCESS, type Access } from "@/server/api/procedure-access";
import { adminProcedure, authedProcedure, createCallerFactory, publicProcedure, router, secretariatProcedure } from "@/server/api/trpc";
import type { Actor } from "@/server/services/access";
import { actorFor, callerAs, createTestUser } from "@/server/test/factories";
import { OTHER_STATE, OWN_STATE, PROCEDURE_INPUTS } from "@/server/test/procedure-inputs";

// T03: every procedure of the router is classified, and each classification is enforced twice:
// by the procedure's guard in the router, and again by the service behind it (called without the
// router's guard), so removing either check makes a test here fail.

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

const ROLES = ["public", "focal point of another State", "focal point of the own State", "analyst", "admin"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** What each role gets from a procedure of each class through the router. */
const THROUGH_ROUTER: Record<Access, Record<Role, Outcome>> = {
  public: { public: "ok", "focal point of another State": "ok", "focal point of the own State": "ok", analyst: "ok", admin: "ok" },
  "public-read": { public: "ok", "focal point of another State": "NOT_FOUND", "focal point of the own State": "ok", analyst: "ok", admin: "ok" },
  "signed-in": { public: "UNAUTHORIZED", "focal point of another State": "ok", "focal point of the own State": "ok", analyst: "ok", admin: "ok" },
  "own-state": { public: "UNAUTHORIZED", "focal point of another State": "NOT_FOUND", "focal point of the own State": "ok", analyst: "FORBIDDEN", admin: "FORBIDDEN" },
  secretariat: { public: "UNAUTHORIZED", "focal point of another State": "FORBIDDEN", "focal point of the own State": "FORBIDDEN", analyst: "ok", admin: "ok" },
  admin: { public: "UNAUTHORIZED", "focal point of another State": "FORBIDDEN", "focal point of the own State": "FORBIDDEN", analyst: "FORBIDDEN", admin: "ok" },
};

/** What the service alone gives (the router's guard skipped): the same, except the signed-out refusal of role-bound services. */
const SERVICE_ALONE: Record<Access, Record<Role, Outcome>> = {
  ...THROUGH_ROUTER,
  "own-state": { ...THROUGH_ROUTER["own-state"], public: "FORBIDDEN" },
  secretariat: { ...THROUGH_ROUTER.secretariat, public: "FORBIDDEN" },
  admin: { ...THROUGH_ROUTER.admin, public: "FORBIDDEN" },
};

/** The base procedure each class must be built on. */
const BASE: Record<Access, { _def: { middlewares: unknown[] } }> = {
  public: publicProcedure,
  "public-read": publicProcedure,
  "signed-in": authedProcedure,
  "own-state": authedProcedure,
  secretariat: secretariatProcedure,
  admin: adminProcedure,
} as never;

type ProcedureDef = { type: string; inputs: ZodMiniType[]; middlewares: unknown[]; resolver: (opts: unknown) => Promise<unknown> };
const procedureDef = (procedure: string) => (appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>)[procedure]!._def;

/** A fresh actor of each role (fresh users: a password change or a sign-out must not spill over). */
async function actors(): Promise<Record<Role, Actor>> {
  const user = async (role: "FOCAL_POINT" | "ANALYST" | "ADMIN", iso2?: string) => actorFor((await createTestUser({ role, stateIso2: iso2 })).id);
  return {
    public: { kind: "public", requestId: null },
    "focal point of another State": await user("FOCAL_POINT", OTHER_STATE),
    "focal point of the own State": await user("FOCAL_POINT", OWN_STATE),
    analyst: await user("ANALYST"),
    admin: await user("ADMIN"),
  };
}

function outcomeOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? `unexpected error: ${message}`;
}

async function throughRouter(procedure: string, actor: Actor, input: unknown): Promise<string> {
  const caller = (await callerAs(actor.kind === "user" ? actor : "public")) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [namespace, name] = procedure.split(".") as [string, string];
  try {
    await caller[namespace]![name]!(input);
    return "ok";
  } catch (error) {
    return outcomeOf(error);
  }
}

/** The procedure's resolver (the service call) with validated input, without the router's guards. */
async function serviceAlone(procedure: string, actor: Actor, input: unknown): Promise<string> {
  const def = procedureDef(procedure);
  try {
    const parsed = def.inputs.length > 0 ? def.inputs[0]!.parse(input) : undefined;
    await def.resolver({ ctx: { actor, requestId: null }, input: parsed, path: procedure, type: def.type, signal: undefined, getRawInput: async () => input });
    return "ok";
  } catch (error) {
    return outcomeOf(error);
  }
}

describe("router coverage (T03)", () => {
  it("T03 classifies every procedure, and lists none that does not exist", () => {
    expect(procedures.filter((procedure) => !(procedure in PROCEDURE_ACCESS))).toEqual([]);
    expect(Object.keys(PROCEDURE_ACCESS).filter((procedure) => !procedures.includes(procedure))).toEqual([]);
    expect(procedures.filter((procedure) => !(procedure in PROCEDURE_INPUTS))).toEqual([]);
  });

  it("T03 builds every procedure on the base procedure of its class", () => {
    const misbuilt = procedures.filter((procedure) => {
      const base = BASE[PROCEDURE_ACCESS[procedure]!]._def.middlewares;
      const own = procedureDef(procedure).middlewares;
      return base.some((middleware, index) => own[index] !== middleware);
    });
    expect(misbuilt).toEqual([]);
  });

  it("T03 each base procedure's guard refuses on its own (a resolver that checks nothing behind it)", async () => {
    const open = (base: typeof publicProcedure) => base.query(() => "reached");
    const guards = router({ public: open(publicProcedure), authed: open(authedProcedure), secretariat: open(secretariatProcedure), admin: open(adminProcedure) });
    const classOf = { public: "public", authed: "signed-in", secretariat: "secretariat", admin: "admin" } as const;
    const roles = await actors();
    const got: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const guard of Object.keys(classOf) as (keyof typeof classOf)[]) {
      for (const role of ROLES) {
        const caller = createCallerFactory(guards)({ actor: roles[role], requestId: null });
        got[`${guard}: ${role}`] = await caller[guard]().then(() => "ok", outcomeOf);
        // A guard alone cannot know the State of a row: "ok" where the service answers NOT_FOUND.
        const outcome = THROUGH_ROUTER[classOf[guard]][role];
        expected[`${guard}: ${role}`] = outcome === "NOT_FOUND" ? "ok" : outcome;
      }
    }
    expect(got).toEqual(expected);
  });

  it("T03 has a test that calls every procedure by name", () => {
    const sources = testSources();
    const untested = procedures.filter((procedure) => {
      const [namespace, name] = procedure.split(".") as [string, string];
      return !new RegExp(`\\b${namespace}\\.${name}\\(`).test(sources);
    });
    expect(untested).toEqual([]);
  });

  for (const procedure of procedures) {
    const access = PROCEDURE_ACCESS[procedure]!;
    it(`T03 ${procedure} (${access}): each role gets exactly its answer to valid input, through the router and from the service alone`, async () => {
      const build = PROCEDURE_INPUTS[procedure]!;
      const got: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [layer, call, table] of [
        ["router", throughRouter, THROUGH_ROUTER],
        ["service", serviceAlone, SERVICE_ALONE],
      ] as const) {
        const roles = await actors();
        for (const role of ROLES) {
          got[`${layer}: ${role}`] = await call(procedure, roles[role], await build());
          expected[`${layer}: ${role}`] = table[access][role];
        }
      }
      expect(got).toEqual(expected);
    });
  }
});
