import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { buildExport } from "@/server/services/report-export-request";
import type { Actor } from "@/server/services/access";
import { exportText } from "@/server/test/export-text";
import { callerAs, callerFor, createPublishedCommitments } from "@/server/test/factories";
import { EXPORTS_TIMEOUT_MS, internalWorld, publicInputs, PUBLIC_PROCEDURES, answerText, expectNoneOf, REPORTS, FORMATS, exportQuery, exportedText } from "@/server/test/worlds/internal-fields";

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
