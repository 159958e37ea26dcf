import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { buildExport } from "@/server/services/report-export-request";
import type { Actor } from "@/server/services/access";
import { exportText } from "@/server/test/export-text";
import { callerAs, callerFor, createPublishedCommitments, uniqueSuffix } from "@/server/test/factories";

// These tests render dozens of exports (PDF and Excel in worker threads, PDFs read back with
// PDF.js): 45 in the first; on two shared cores that takes longer than the default 30 s. The
// export workers run at low priority by design, so when the machine is busy with other work they
// wait: the first took 96-150 s with builds running beside it (a time limit, not a speed check).
const EXPORTS_TIMEOUT_MS = 420_000;

// What is internal by design, and must never reach the public or another State:
//   - the analyst's review comment (of accepted and of returned updates);
//   - evidence links not marked public;
//   - assessments not marked public (their status and rationale);
//   - updates that were not accepted (drafts, submitted, returned: their notes and evidence);
//   - who in a ministry or the secretariat did what (names and emails).
// What becomes public on acceptance: the accepted status, the focal point's note, public evidence.

type AnyCaller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

/**
 * A published recommendation for Austria and Italy where Austria's update was returned, a
 * revised one accepted (with a review comment and an internal evidence link), a third one is
 * waiting for review, and the secretariat recorded an internal assessment. Every internal text
 * carries a unique marker.
 */
async function internalWorld() {
  const s = uniqueSuffix();
  const world = await createPublishedCommitments(["AT", "IT"]);
  const at = await callerFor("FOCAL_POINT", "AT");
  const italy = await callerFor("FOCAL_POINT", "IT");
  const analyst = await callerFor("ANALYST");
  const commitmentId = world.commitments.AT!.id;
  const statuses = world.statuses;

  const returned = await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: { statusId: statuses.in_progress!.id, progress: 40, narrative: `returned-note-${s}`, evidence: [{ title: `returned-evidence-${s}`, url: `https://intranet.example/returned-${s}`, isPublic: true }] },
  });
  await analyst.caller.review.return({ updateId: returned.id, expectedVersion: 1, comment: `return-comment-${s}` });
  const accepted = await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: {
      statusId: statuses.partially_implemented!.id,
      progress: 65,
      narrative: `public-note-${s}`,
      evidence: [
        { title: `public-evidence-${s}`, url: `https://parliament.example/law-${s}`, isPublic: true },
        { title: `internal-evidence-${s}`, url: `https://intranet.example/memo-${s}`, isPublic: false },
      ],
    },
  });
  await analyst.caller.review.accept({ updateId: accepted.id, expectedVersion: 1, comment: `accept-comment-${s}` });
  await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: { statusId: statuses.implemented!.id, progress: 100, narrative: `pending-note-${s}`, evidence: [{ title: `pending-evidence-${s}`, url: `https://intranet.example/pending-${s}`, isPublic: true }] },
  });
  const { version } = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { version: true } });
  await analyst.caller.review.assess({
    commitmentId,
    expectedVersion: version,
    statusId: statuses.planned!.id,
    rationale: `internal-assessment-${s}`,
    isPublic: false,
  });

  const austria = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
  const internal = [
    `return-comment-${s}`,
    `accept-comment-${s}`,
    `internal-evidence-${s}`,
    `memo-${s}`,
    `returned-note-${s}`,
    `returned-evidence-${s}`,
    `pending-note-${s}`,
    `pending-evidence-${s}`,
    `internal-assessment-${s}`,
    at.user.name,
    at.user.email,
    analyst.user.name,
    analyst.user.email,
  ];
  return { s, world, at, italy, analyst, commitmentId, austria, internal };
}

type World = Awaited<ReturnType<typeof internalWorld>>;

/** Valid input for every public procedure, aimed at the world's rows. */
function publicInputs(world: World): Record<string, unknown> {
  const today = new Date().toISOString().slice(0, 10);
  const { source, recommendation, scale } = world.world;
  return {
    "account.me": undefined,
    "sources.list": {},
    "sources.get": { id: source.id },
    "scales.list": undefined,
    "scales.get": { id: scale.id },
    "recommendations.list": { sourceId: source.id },
    "recommendations.get": { id: recommendation.id },
    "recommendations.themes": undefined,
    "commitments.list": { sourceId: source.id },
    "commitments.get": { id: world.commitmentId },
    "commitments.history": { id: world.commitmentId },
    "commitments.statusAsOf": { id: world.commitmentId, date: today },
    "reports.matrix": { sourceId: source.id },
    "reports.recommendation": { recommendationId: recommendation.id },
    "reports.state": { stateId: world.austria.id, sourceId: source.id },
    "reports.trend": { sourceId: source.id },
    "reports.overdue": { sourceId: source.id },
  };
}

const PUBLIC_PROCEDURES = Object.entries(PROCEDURE_ACCESS)
  .filter(([, access]) => access === "public" || access === "public-read")
  .map(([procedure]) => procedure)
  .sort();

/** A procedure's answer as text (or its refusal's code and message). */
async function answerText(caller: unknown, procedure: string, input: unknown): Promise<string> {
  const [namespace, name] = procedure.split(".") as [string, string];
  try {
    return JSON.stringify(await (caller as AnyCaller)[namespace]![name]!(input));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return JSON.stringify({ code, message });
  }
}

function expectNoneOf(text: string, forbidden: string[], where: string) {
  expect(forbidden.filter((marker) => text.includes(marker)), where).toEqual([]);
}

const REPORTS = ["matrix", "recommendation", "state", "trend", "overdue"] as const;
const FORMATS = ["csv", "xlsx", "pdf"] as const;

function exportQuery(world: World, report: (typeof REPORTS)[number]): Record<string, string> {
  const { source, recommendation } = world.world;
  if (report === "recommendation") return { recommendationId: recommendation.id };
  if (report === "state") return { stateId: world.austria.id, sourceId: source.id };
  return { sourceId: source.id };
}

async function exportedText(actor: Actor, query: Record<string, string>, format: (typeof FORMATS)[number]) {
  const result = await buildExport(actor, new URLSearchParams({ ...query, format }));
  return exportText(format, new Uint8Array(await new Response(result.body).arrayBuffer()));
}

describe("internal-only fields (T01)", () => {
  it("T01 public history hides review comments", async () => {
    const world = await internalWorld();
    const visitor = await callerAs("public");
    const history = await visitor.commitments.history({ id: world.commitmentId });
    const accepted = history.find((entry) => entry.kind === "update_accepted");
    expect(accepted).toBeDefined();
    expect(accepted!.comment).toBeNull();
    expect(history.some((entry) => entry.kind === "update_returned")).toBe(false);
    expectNoneOf(JSON.stringify(history), [`accept-comment-${world.s}`, `return-comment-${world.s}`], "public history");
  });

  it("T01 the review comment is for the State's focal points and the secretariat; the accepted note and public evidence are public", async () => {
    const world = await internalWorld();
    const secondAustrian = await callerFor("FOCAL_POINT", "AT");
    for (const reader of [world.at.caller, secondAustrian.caller, world.analyst.caller]) {
      const history = await reader.commitments.history({ id: world.commitmentId });
      expect(history.find((entry) => entry.kind === "update_accepted")?.comment).toBe(`accept-comment-${world.s}`);
      expect(history.find((entry) => entry.kind === "update_returned")?.comment).toBe(`return-comment-${world.s}`);
    }
    const visitor = await callerAs("public");
    const history = JSON.stringify(await visitor.commitments.history({ id: world.commitmentId }));
    expect(history).toContain(`public-note-${world.s}`);
    expect(history).toContain(`public-evidence-${world.s}`);
    const report = JSON.stringify(await visitor.reports.recommendation({ recommendationId: world.world.recommendation.id }));
    expect(report).toContain(`public-note-${world.s}`);
  });

  it("T01 every public procedure, signed out and as another State's focal point, answers without an internal-only field", async () => {
    const world = await internalWorld();
    const inputs = publicInputs(world);
    // A public procedure added later must be added here too.
    expect(PUBLIC_PROCEDURES.filter((procedure) => !(procedure in inputs))).toEqual([]);
    const readers = { "signed out": await callerAs("public"), "Italy's focal point": world.italy.caller };
    for (const [who, caller] of Object.entries(readers)) {
      for (const procedure of PUBLIC_PROCEDURES) {
        const text = await answerText(caller, procedure, inputs[procedure]);
        expectNoneOf(text, world.internal, `${procedure} ${who}`);
      }
      const state = await (caller as typeof readers["signed out"]).reports.state({ stateId: world.austria.id, sourceId: world.world.source.id });
      expect(state.commitments.map((commitment) => commitment.assessment), `reports.state ${who}`).toEqual([null]);
    }
  });

  it("T01 every export (CSV, Excel, PDF), signed out, as another State and as the secretariat's default download, has no internal-only field", async () => {
    const world = await internalWorld();
    const readers: Record<string, Actor> = {
      "signed out": { kind: "public", requestId: null },
      "Italy's focal point": world.italy.actor,
      "the secretariat (default download)": world.analyst.actor,
    };
    for (const [who, actor] of Object.entries(readers)) {
      for (const report of REPORTS) {
        for (const format of FORMATS) {
          const text = await exportedText(actor, { report, ...exportQuery(world, report) }, format);
          expect(text.length, `${report} ${format} ${who}`).toBeGreaterThan(50);
          expectNoneOf(text, world.internal, `${report} ${format} ${who}`);
          // The internal assessment's status: no accepted status of the State is "Planned".
          if (report === "state") expectNoneOf(text, ["Planned", "Internal"], `${report} ${format} ${who}`);
        }
      }
    }
  }, EXPORTS_TIMEOUT_MS);
});

describe("internal content in exports", () => {
  it("the secretariat's explicit internal download marks the internal assessment in CSV, Excel and PDF", async () => {
    const world = await internalWorld();
    const query = { report: "state", ...exportQuery(world, "state"), internal: "include" };
    for (const format of FORMATS) {
      const result = await buildExport(world.analyst.actor, new URLSearchParams({ ...query, format }));
      expect(result.filename).toMatch(new RegExp(`^report-card-austria-internal-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const text = await exportText(format, new Uint8Array(await new Response(result.body).arrayBuffer()));
      expect(text, format).toContain("INTERNAL - not for publication");
      expect(text, format).toContain("Planned");
      // The column header and the row's mark.
      expect(text.split("Internal").length - 1, format).toBeGreaterThanOrEqual(2);
    }
    const csv = await exportedText(world.analyst.actor, query, "csv");
    const lines = csv.split("\r\n");
    const header = lines.find((line) => line.startsWith("Reference,"))!.split(",");
    const row = lines.find((line) => line.startsWith(world.world.recommendation.reference))!;
    expect(header).toContain("Internal");
    expect(row).toMatch(/,Planned,Internal,Yes$/);
  }, EXPORTS_TIMEOUT_MS);

  it("only the secretariat may ask for internal content", async () => {
    const world = await internalWorld();
    const query = new URLSearchParams({ report: "state", ...exportQuery(world, "state"), internal: "include", format: "csv" });
    for (const actor of [{ kind: "public", requestId: null } as Actor, world.at.actor, world.italy.actor]) {
      await expect(buildExport(actor, query)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(buildExport(world.analyst.actor, new URLSearchParams({ report: "state", format: "csv", internal: "yes" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("internal activity (T01)", () => {
  it("T01 an internal assessment changes nothing in any public response, signed out or as another State", async () => {
    const world = await internalWorld();
    const inputs: Record<string, unknown> = {
      ...publicInputs(world),
      // Austria's and Italy's commitments in "last changed" order: an internal change must not reorder them.
      "commitments.list": { sourceId: world.world.source.id, sort: "updated", direction: "desc" },
    };
    inputs["sources.list"] = { search: world.world.source.title };
    const readers = { "signed out": await callerAs("public"), "Italy's focal point": world.italy.caller };
    // Lists that other tests running meanwhile may grow: only the world's rows are compared.
    const narrow: Record<string, (answer: unknown) => unknown> = {
      "scales.list": (answer) => (answer as { id: string }[]).filter((scale) => scale.id === world.world.scale.id),
      "recommendations.themes": (answer) => (answer as { key: string }[]).filter((theme) => theme.key === "children"),
    };
    const snapshot = async () => {
      const answers: Record<string, string> = {};
      for (const [who, caller] of Object.entries(readers)) {
        for (const procedure of PUBLIC_PROCEDURES) {
          const text = await answerText(caller, procedure, inputs[procedure]);
          answers[`${procedure} ${who}`] = narrow[procedure] ? JSON.stringify(narrow[procedure](JSON.parse(text))) : text;
        }
      }
      return answers;
    };
    // Italy's commitment changed publicly after Austria's last public change.
    await db.commitment.update({ where: { id: world.world.commitments.IT!.id }, data: { acceptedAt: new Date() } });
    const before = await snapshot();
    const { version } = await db.commitment.findUniqueOrThrow({ where: { id: world.commitmentId }, select: { version: true } });
    await world.analyst.caller.review.assess({
      commitmentId: world.commitmentId,
      expectedVersion: version,
      statusId: world.world.statuses.not_started!.id,
      rationale: "A second internal look.",
      isPublic: false,
    });
    expect(await snapshot()).toEqual(before);

    // The public's "last changed" order pages like every other order.
    const visitor = readers["signed out"];
    const query = { sourceId: world.world.source.id, sort: "updated" as const, direction: "desc" as const };
    const whole = (await visitor.commitments.list({ ...query, limit: 100 })).items;
    expect(whole.map((item) => item.version)).toEqual([null, null]);
    const first = await visitor.commitments.list({ ...query, limit: 1 });
    const second = await visitor.commitments.list({ ...query, limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(whole.map((item) => item.id));
    expect(second.nextCursor).toBeNull();
  });
});

describe("another State's work in progress (T01)", () => {
  it("T01 a focal point sees none of another State's drafts or submitted updates: its ids answer like missing ones, and lists, reports and exports filtered to that State show none", async () => {
    const world = await internalWorld();
    // A draft of Austria's on a second commitment (the first has a submitted update).
    const second = await createPublishedCommitments(["AT"]);
    await world.at.caller.commitments.saveDraft({
      commitmentId: second.commitments.AT!.id,
      content: { statusId: second.statuses.planned!.id, progress: 10, narrative: `draft-note-${world.s}`, evidence: [] },
    });
    const forbidden = [...world.internal, `draft-note-${world.s}`];
    const italy = world.italy.caller;
    const missing = "0195b0a0-0000-7000-8000-000000000000";
    for (const id of [world.commitmentId, second.commitments.AT!.id]) {
      for (const procedure of ["commitments.get", "commitments.history", "commitments.statusAsOf"]) {
        const input = procedure === "commitments.statusAsOf" ? { date: "2026-01-01" } : {};
        expect(await answerText(italy, procedure, { id, ...input })).toBe(await answerText(italy, procedure, { id: missing, ...input }));
      }
    }
    const austriaFilter = { stateId: world.austria.id };
    expect(await italy.commitments.list(austriaFilter)).toEqual({ items: [], nextCursor: null, totalCount: 0 });
    const everything = await italy.commitments.list({ limit: 100 });
    expect(everything.items.filter((item) => item.state.iso2 !== "IT")).toEqual([]);
    for (const [procedure, input] of [
      ["commitments.list", { ...austriaFilter, sourceId: second.source.id }],
      ["reports.state", { ...austriaFilter, sourceId: second.source.id }],
      ["reports.state", { ...austriaFilter, sourceId: world.world.source.id }],
      ["reports.recommendation", { recommendationId: second.recommendation.id }],
    ] as const) {
      expectNoneOf(await answerText(italy, procedure, input), forbidden, `${procedure} ${JSON.stringify(input)}`);
    }
    for (const format of FORMATS) {
      for (const sourceId of [second.source.id, world.world.source.id]) {
        expectNoneOf(await exportedText(world.italy.actor, { report: "state", ...austriaFilter, sourceId }, format), forbidden, `state ${format}`);
      }
    }
  }, EXPORTS_TIMEOUT_MS);
});
