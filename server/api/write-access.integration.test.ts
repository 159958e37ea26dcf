import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/api/root";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { callerFor } from "@/server/test/factories";
import { OTHER_STATE, OWN_STATE, PROCEDURE_INPUTS } from "@/server/test/procedure-inputs";

// T02: another State's ids in a focal point's writes are refused like missing ones.
// T05: a key the input does not define is refused (400), never ignored nor applied, in every
// mutation, by the role that may otherwise make it; nothing changes.

type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
type Schema = { shape?: Record<string, unknown>; unwrap?: () => Schema };
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: Schema[] } }>;

/** The keys a procedure's input defines (those are its own to take, not smuggled). */
function definedKeys(procedure: string): string[] {
  let schema = procedures[procedure]!._def.inputs[0];
  while (schema && !schema.shape && schema.unwrap) schema = schema.unwrap();
  return Object.keys(schema?.shape ?? {});
}
const mutations = Object.keys(procedures).filter((name) => procedures[name]!._def.type === "mutation").sort();

const EXTRA_KEYS: Record<string, unknown> = {
  stateId: "0195b0a0-0000-7000-8000-000000000000",
  version: 99,
  role: "ADMIN",
  mustChangePassword: false,
  sessionVersion: 0,
  active: true,
  authorId: "0195b0a0-0000-7000-8000-000000000000",
};

function smuggled(procedure: string, input: unknown): unknown[] {
  const valid = (input ?? {}) as Record<string, unknown>;
  const own = definedKeys(procedure);
  const extras = Object.entries(EXTRA_KEYS).filter(([key]) => !own.includes(key));
  return [
    ...extras.map(([key, value]) => ({ ...valid, [key]: value })),
    JSON.parse(`{"__proto__":{"isAdmin":true},${JSON.stringify(valid).slice(1)}`.replace(",}", "}")),
  ];
}

describe("mass assignment (T05)", () => {
  it("T05 covers every mutation, and smuggles at least four keys into each", () => {
    expect(mutations.length).toBeGreaterThan(20);
    for (const procedure of mutations) expect(smuggled(procedure, {}).length, procedure).toBeGreaterThanOrEqual(5);
  });

  for (const procedure of mutations) {
    it(`T05 ${procedure} refuses smuggled keys (stateId, version, role, __proto__) with BAD_REQUEST, changing nothing`, async () => {
      const access = PROCEDURE_ACCESS[procedure];
      const { user, caller } =
        access === "own-state" ? await callerFor("FOCAL_POINT", OWN_STATE) : await callerFor(access === "admin" ? "ADMIN" : "ANALYST");
      const [namespace, name] = procedure.split(".") as [string, string];
      for (const input of smuggled(procedure, await PROCEDURE_INPUTS[procedure]!())) {
        await expect((caller as unknown as AnyCaller)[namespace]![name]!(input), JSON.stringify(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
      expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(0);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
});

/** The targeted commitment of the own State with its updates and evidence, to compare before and after. */
async function targetRows(input: Record<string, unknown>) {
  const commitmentId =
    typeof input.commitmentId === "string"
      ? input.commitmentId
      : (await db.progressUpdate.findUniqueOrThrow({ where: { id: input.updateId as string } })).commitmentId;
  const commitment = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId }, include: { updates: { include: { evidence: true } }, state: true } });
  expect(commitment.state.iso2).toBe(OWN_STATE);
  return JSON.stringify(commitment);
}

describe("IDOR write (T02)", () => {
  const ownStateWrites = mutations.filter((procedure) => PROCEDURE_ACCESS[procedure] === "own-state");

  it("T02 covers every write of a State's own rows", () => {
    expect(ownStateWrites).toEqual(["commitments.deleteDraft", "commitments.saveAndSubmit", "commitments.saveDraft", "commitments.submitUpdate"]);
  });

  for (const procedure of ownStateWrites) {
    it(`T02 ${procedure} with another State's ids is NOT_FOUND, like a missing id, and changes nothing of that State`, async () => {
      const italy = await callerFor("FOCAL_POINT", OTHER_STATE);
      const [namespace, name] = procedure.split(".") as [string, string];
      const call = (input: unknown) => (italy.caller as unknown as AnyCaller)[namespace]![name]!(input).then(() => "ok", (error: { code: string; message: string }) => `${error.code}: ${error.message}`);
      const input = (await PROCEDURE_INPUTS[procedure]!()) as Record<string, unknown>;
      const before = await targetRows(input);
      const missing = "0195b0a0-0000-7000-8000-000000000000";
      const asIfMissing = { ...input, ...("commitmentId" in input ? { commitmentId: missing } : { updateId: missing }) };
      const refusal = await call(input);
      expect(refusal).toMatch(/^NOT_FOUND: /);
      expect(refusal).toBe(await call(asIfMissing));
      expect(await targetRows(input)).toBe(before);
      expect(await db.auditEvent.count({ where: { actorId: italy.user.id } })).toBe(0);
    });
  }
});
