import { sendRaw, type HttpAnswer } from "@/server/test/trpc-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import * as z from "zod/mini";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { contextFor, createPublishedCommitments, createTestUser, stateByIso2, visitorContext } from "@/server/test/factories";
import { encodeCursor } from "@/server/services/core/cursor";

// T08 / T13 / T22: hostile values in every field of every public procedure, sent through the real
// tRPC HTTP handler (JSON parsing, the router, the error formatter) as a visitor, a focal point and an
// analyst. Whatever comes in, the answer is a 4xx with a clear message or a normal answer: never a
// 5xx, never a driver's text.

const INTERNALS = /prisma|postgres|SELECT |INSERT |invalid byte sequence|out of range|syntax for type|\bat \S+\.(ts|js):\d+/i;

type Call = HttpAnswer;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation"; inputs: z.ZodMiniType[] } }>;
const PUBLIC = Object.keys(PROCEDURE_ACCESS)
  .filter((path) => PROCEDURE_ACCESS[path] === "public")
  .sort();
/** The other queries (reads only, so fuzzing them changes nothing), called as an administrator. */
const SIGNED_IN_QUERIES = Object.keys(PROCEDURE_ACCESS)
  .filter((path) => PROCEDURE_ACCESS[path] !== "public" && procedures[path]?._def.type === "query")
  .sort();

/** The object schema under optional/default/nullable wrappers, or null for a procedure without an object input. */
function objectShape(schema: z.ZodMiniType | undefined): Record<string, z.ZodMiniType> | null {
  let current: unknown = schema;
  for (let depth = 0; depth < 10 && current; depth++) {
    if (current instanceof z.core.$ZodObject) return current._zod.def.shape as Record<string, z.ZodMiniType>;
    const def = (current as z.core.$ZodType)._zod.def as { innerType?: unknown; in?: unknown };
    current = def?.innerType ?? def?.in;
  }
  return null;
}

const SOME_ID = "0195b0a0-0000-7000-8000-000000000000";

/**
 * Values nobody should send; each must be refused (or harmlessly accepted), never a 5xx. Only what
 * JSON carries: the wire is plain JSON (server/api/wire.ts), so no Date, bigint, Map, Set, NaN or
 * Infinity reaches a procedure.
 */
const HOSTILE: [string, unknown][] = [
  ["NUL", "\u0000"],
  ["NUL inside text", "abc\u0000def"],
  ["lone high surrogate", "\ud800"],
  ["lone low surrogate inside text", "x\udfffy"],
  ["RTL override", "\u202eevil"],
  ["10k-character string", "x".repeat(10_000)],
  ["empty string", ""],
  ["blank", "   "],
  ["SQL", "' OR 1=1; DROP TABLE \"Commitment\"; --"],
  ["LIKE wildcards", "%_\\"],
  ["NaN string", "NaN"],
  ["number as string", "12"],
  ["year 10000 date", "10000-01-01"],
  ["year 10000 timestamp", "+010000-01-01T00:00:00.000Z"],
  ["year 0 date", "0000-01-01"],
  ["2023-02-30", "2023-02-30"],
  ["month 13", "2023-13-01"],
  ["huge number", 1e308],
  ["30-digit integer", 10 ** 30],
  ["beyond safe integer", 2 ** 53 + 2],
  ["beyond int32", 2_147_483_648],
  ["negative", -1],
  ["huge negative", -1e308],
  ["fraction", 0.5],
  ["true", true],
  ["null", null],
  ["empty array", []],
  ["array of strings", ["a", "b"]],
  ["empty object", {}],
  ["nested object", { a: { b: { c: [1, "x"] } } }],
  ["nil uuid", "00000000-0000-0000-0000-000000000000"],
  ["max uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
  ["cursor with NUL", encodeCursor({ sort: "reference", direction: "asc", value: "\u0000", id: SOME_ID })],
];

/** Cursors made by hand: every sort and direction, with values the server never writes. */
function craftedCursors(): [string, string][] {
  const values: unknown[] = [
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x".repeat(300),
    1e20,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 - 1,
    -1,
    "10000-01-01T00:00:00.000Z",
    "+010000-01-01T00:00:00.000Z",
    "-271821-04-20T00:00:00.000Z",
    "+275760-09-13T00:00:00.000Z",
    "0000-01-01T00:00:00.000Z",
    "2023-02-30",
    "NaN",
    null,
  ];
  const found: [string, string][] = [];
  for (const sort of COMMITMENT_SORTS) {
    for (const direction of ["asc", "desc"]) {
      for (const value of values) found.push([`${sort} ${direction} ${JSON.stringify(value).slice(0, 30)}`, encodeCursor({ sort, direction, value, id: SOME_ID })]);
    }
  }
  for (const r of ["\u0000", "\ud800", "x".repeat(50), ""]) found.push([`recommendation cursor ${JSON.stringify(r).slice(0, 20)}`, encodeCursor({ r, i: SOME_ID })]);
  found.push(["not base64", "%%%"], ["not JSON", Buffer.from("{").toString("base64url")], ["JSON array", encodeCursor([1, 2])]);
  return found;
}

let inputs: Record<string, unknown>;
let actors: [string, Context][];
let admin: [string, Context];

beforeAll(async () => {
  const world = await createPublishedCommitments(["AT", "IT"]);
  const austria = await stateByIso2("AT");
  const focal = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
  const analyst = await createTestUser({ role: "ANALYST" });
  const administrator = await createTestUser({ role: "ADMIN" });
  admin = ["an administrator", await contextFor(administrator.id, "fuzz-admin")];
  actors = [
    ["a visitor", visitorContext("fuzz-public")],
    ["a focal point", await contextFor(focal.id, "fuzz-focal")],
    ["an analyst", await contextFor(analyst.id, "fuzz-analyst")],
  ];
  const commitmentId = world.commitments.AT!.id;
  // A valid input per public procedure: each field is replaced by hostile values in turn.
  inputs = {
    "account.me": undefined,
    "sources.list": { search: "x" },
    "sources.get": { id: world.source.id },
    "scales.list": undefined,
    "scales.get": { id: world.scale.id },
    "recommendations.list": { sourceId: world.source.id, search: "x", themeKey: "children", limit: 10 },
    "recommendations.get": { id: world.recommendation.id },
    "recommendations.themes": undefined,
    "themes.list": undefined,
    "commitments.list": { stateId: austria.id, sourceId: world.source.id, search: "residency", limit: 10 },
    "commitments.get": { id: commitmentId },
    "commitments.history": { id: commitmentId },
    "commitments.statusAsOf": { id: commitmentId, date: "2024-01-01" },
    "reports.matrix": { sourceId: world.source.id, columnLimit: 10 },
    "reports.recommendation": { recommendationId: world.recommendation.id },
    "reports.state": { stateId: austria.id, sourceId: world.source.id },
    "reports.trend": { sourceId: world.source.id, periods: 4 },
    "reports.overdue": { sourceId: world.source.id, perState: 5 },
    "account.profile": undefined,
    "users.list": { search: "test", stateId: austria.id, limit: 10 },
    "users.get": { id: focal.id },
    "review.queue": { stateId: austria.id, sourceId: world.source.id, limit: 10 },
    "audit.history": { entity: "commitment", id: commitmentId, limit: 10 },
    "audit.log": { actorId: analyst.id, action: "commitment.created", from: "2024-01-01", to: "2030-12-31", limit: 10 },
    "audit.logOptions": undefined,
  };
});

afterAll(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function expectNoServerError(call: Call, what: string) {
  expect.soft(call.status, `${what}: ${call.body.slice(0, 300)}`).toBeLessThan(500);
  expect.soft(call.body, what).not.toMatch(INTERNALS);
}

/** Every (field, value) of one procedure, as JSON request inputs. */
function casesFor(path: string): { what: string; json: string }[] {
  const base = inputs[path] as Record<string, unknown> | undefined;
  const shape = objectShape(procedures[path]!._def.inputs[0]);
  const cases: { what: string; json: string }[] = [];
  const encode = (input: unknown) => JSON.stringify(input);
  for (const [name, value] of HOSTILE) cases.push({ what: `${path}(${name})`, json: encode(value) });
  for (const field of Object.keys(shape ?? {})) {
    for (const [name, value] of HOSTILE) cases.push({ what: `${path}.${field} = ${name}`, json: encode({ ...base, [field]: value }) });
    if (field === "cursor") {
      for (const [name, value] of craftedCursors()) cases.push({ what: `${path}.cursor = ${name}`, json: encode({ ...base, cursor: value }) });
    }
  }
  // Raw JSON, so that "__proto__" is an own key of the parsed input (an object literal would set the prototype).
  const baseJson = JSON.stringify(base ?? {});
  cases.push({ what: `${path} with __proto__`, json: baseJson.replace(/^\{/, '{"__proto__":{"polluted":true},').replace(",}", "}") });
  cases.push({ what: `${path} with constructor.prototype`, json: baseJson.replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},').replace(",}", "}") });
  return cases;
}

describe("hostile input to every public procedure and every query (T08, T13, T22)", () => {
  it("has a valid input for every public procedure and every other query, and every field of each is fuzzed", () => {
    expect([...PUBLIC, ...SIGNED_IN_QUERIES].filter((path) => !(path in inputs))).toEqual([]);
    for (const path of [...PUBLIC, ...SIGNED_IN_QUERIES]) {
      // An input that is not an object would have no fields to walk: each has one, or no input at all.
      const { inputs: schemas } = procedures[path]!._def;
      expect(schemas.length === 0 || objectShape(schemas[0]) !== null, path).toBe(true);
    }
  });

  it("each valid base input is answered normally", async () => {
    for (const path of [...PUBLIC, ...SIGNED_IN_QUERIES]) {
      for (const [who, context] of PUBLIC.includes(path) ? actors : [admin]) {
        const call = await sendRaw(path, procedures[path]!._def.type, JSON.stringify(inputs[path]), context);
        expect(call.status, `${path} as ${who}: ${call.body.slice(0, 300)}`).toBe(200);
      }
    }
  });

  for (const path of PUBLIC) {
    it(`T08 T13 ${path}: NUL, lone surrogates, huge numbers, NaN, 10k strings, year-10000 and impossible dates, arrays, objects and __proto__ in every field get no 5xx`, async () => {
      const cases = casesFor(path);
      for (const [who, context] of actors) {
        // A few at a time: the pool and the shared machine stay responsive.
        for (let start = 0; start < cases.length; start += 8) {
          const slice = cases.slice(start, start + 8);
          const calls = await Promise.all(slice.map((item) => sendRaw(path, procedures[path]!._def.type, item.json, context)));
          calls.forEach((call, index) => expectNoServerError(call, `${slice[index]!.what} as ${who}`));
        }
      }
    }, 180_000);
  }

  for (const path of SIGNED_IN_QUERIES) {
    it(`T08 T13 ${path} (as an administrator): hostile values in every field get no 5xx`, async () => {
      const cases = casesFor(path);
      for (let start = 0; start < cases.length; start += 8) {
        const slice = cases.slice(start, start + 8);
        const calls = await Promise.all(slice.map((item) => sendRaw(path, procedures[path]!._def.type, item.json, admin[1])));
        calls.forEach((call, index) => expectNoServerError(call, `${slice[index]!.what} as ${admin[0]}`));
      }
    }, 180_000);
  }

  it("T08 T13 random values (fast-check) in random fields of random public procedures get no 5xx", async () => {
    const withFields = PUBLIC.map((path) => ({ path, fields: Object.keys(objectShape(procedures[path]!._def.inputs[0]) ?? {}) })).filter((entry) => entry.fields.length > 0);
    const hostileValue = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.double(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      // JSON carries no bigint or Date: a date arrives as its ISO text.
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...HOSTILE.map(([, value]) => value)),
      fc
        .record({ sort: fc.constantFrom(...COMMITMENT_SORTS), direction: fc.constantFrom("asc", "desc"), value: fc.oneof(fc.string({ unit: "binary" }), fc.double(), fc.integer(), fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString()))), id: fc.uuid() })
        .map(encodeCursor),
    );
    const target = fc.constantFrom(...withFields).chain(({ path, fields }) => fc.record({ path: fc.constant(path), field: fc.constantFrom(...fields), value: hostileValue, actor: fc.constantFrom(...actors.keys()) }));
    await fc.assert(
      fc.asyncProperty(target, async ({ path, field, value, actor }) => {
        const json = JSON.stringify({ ...(inputs[path] as object), [field]: value });
        const call = await sendRaw(path, procedures[path]!._def.type, json, actors[actor]![1]);
        expect(call.status, `${path}.${field} as ${actors[actor]![0]}: ${call.body.slice(0, 300)}`).toBeLessThan(500);
        expect(call.body).not.toMatch(INTERNALS);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  }, 300_000);
});
