import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { stateByIso2, uniqueSuffix } from "@/server/test/factories";
import { setUpRecommendationsWorld, Caller, admin, analyst, focal, publicCaller, sourceId, createDraft } from "@/server/test/worlds/recommendations";

setUpRecommendationsWorld();

describe("role checks", () => {
  it("refuses every mutation to focal points (FORBIDDEN) and the public (UNAUTHORIZED)", async () => {
    const draft = await createDraft();
    const theme = { key: `t-${uniqueSuffix()}`, label: `Theme ${uniqueSuffix()}` };
    const attempts = (caller: Caller) => [
      caller.recommendations.create({ sourceId, reference: `X-${uniqueSuffix()}`, text: "x", addressAllParticipating: true }),
      caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, text: "hijacked" }),
      caller.recommendations.delete({ id: draft.id, expectedVersion: draft.version }),
      caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version }),
      caller.recommendations.addAddressees({ recommendationId: draft.id, expectedVersion: draft.version, stateIds: [draft.id] }),
      caller.recommendations.createTheme(theme),
    ];
    for (const attempt of attempts(focal.caller)) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const attempt of attempts(publicCaller)) await expect(attempt).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(analyst.caller.recommendations.createTheme(theme)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const unchanged = await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(unchanged).toMatchObject({ publication: "DRAFT", version: draft.version, text: draft.text });
    expect(await db.theme.count({ where: { key: theme.key } })).toBe(0);
  });

  it("never shows drafts to focal points or the public", async () => {
    const draft = await createDraft();
    const published = await createDraft();
    await analyst.caller.recommendations.publish({ recommendationId: published.id, expectedVersion: published.version });
    for (const caller of [focal.caller, publicCaller]) {
      await expect(caller.recommendations.get({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const page = await caller.recommendations.list({ sourceId, limit: 100 });
      expect(page.items.some((r) => r.id === draft.id)).toBe(false);
      expect(page.items.some((r) => r.id === published.id)).toBe(true);
      expect(page.items.every((r) => r.publication === "PUBLISHED")).toBe(true);
      const drafts = await caller.recommendations.list({ sourceId, publication: "DRAFT" });
      expect(drafts.items).toHaveLength(0);
      const detail = await caller.recommendations.get({ id: published.id });
      expect(detail.scale.statuses.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    }
    const secretariatView = await analyst.caller.recommendations.list({ sourceId, publication: "DRAFT", limit: 100 });
    expect(secretariatView.items.some((r) => r.id === draft.id)).toBe(true);
  });
});

describe("editing drafts", () => {
  it("edits a draft's fields, themes and addressees, bumps the version and audits before/after", async () => {
    const draft = await createDraft();
    const partner = await stateByIso2("TN");
    const updated = await analyst.caller.recommendations.update({
      id: draft.id,
      expectedVersion: draft.version,
      text: "A regional, multi-stakeholder response.",
      themeKeys: ["partnership"],
      addressAllParticipating: false,
      addresseeStateIds: [partner.id],
      dueDate: null,
    });
    expect(updated).toMatchObject({ version: draft.version + 1, text: "A regional, multi-stakeholder response.", addressAllParticipating: false, dueDate: null });
    expect(updated.themes.map((t) => t.key)).toEqual(["partnership"]);
    expect(updated.addressees.map((a) => a.state)).toEqual([{ id: partner.id, name: partner.name, iso2: "TN", kind: "PARTNER" }]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: draft.id, action: "recommendation.updated" } });
    expect(event.before).toMatchObject({ text: draft.text, version: draft.version });
    expect(event.after).toMatchObject({ text: updated.text, version: updated.version });
  });

  it("refuses to edit a published recommendation", async () => {
    const draft = await createDraft();
    await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    await expect(
      analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version + 1, text: "Rewritten" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/published recommendations cannot be edited/i) });
    await expect(
      analyst.caller.recommendations.delete({ id: draft.id, expectedVersion: draft.version + 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).text).toBe(draft.text);
  });

  it("refuses a stale version with CONFLICT naming who changed it and when", async () => {
    const draft = await createDraft();
    await admin.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, text: "First edit" });
    const error = await analyst.caller.recommendations
      .update({ id: draft.id, expectedVersion: draft.version, text: "Second edit" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", cause: { details: { conflict: { changedBy: admin.user.name } } } });
    const changedAt = (error as { cause: { details: { conflict: { changedAt: string } } } }).cause.details.conflict.changedAt;
    expect(Number.isNaN(Date.parse(changedAt))).toBe(false);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).text).toBe("First edit");
    await expect(analyst.caller.recommendations.delete({ id: draft.id, expectedVersion: draft.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets exactly one of many parallel saves of one version through", async () => {
    const draft = await createDraft();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, text: `Parallel ${index}` }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "recommendation.updated" } })).toBe(1);
  });

  it("refuses a duplicate reference within a source with CONFLICT on the reference field", async () => {
    const first = await createDraft();
    await expect(createDraft({ reference: first.reference })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { reference: [expect.any(String)] } } },
    });
    const second = await createDraft();
    await expect(
      analyst.caller.recommendations.update({ id: second.id, expectedVersion: second.version, reference: first.reference }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.recommendation.count({ where: { sourceId, reference: first.reference } })).toBe(1);
  });

  it("refuses unknown themes and a recommendation addressed to nobody", async () => {
    const reference = `BAD-${uniqueSuffix()}`;
    await expect(createDraft({ reference, themeKeys: ["no-such-theme"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fieldErrors: { themeKeys: [expect.stringContaining("no-such-theme")] } } },
    });
    await expect(createDraft({ reference, addressAllParticipating: false, addresseeStateIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const draft = await createDraft();
    await expect(
      analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, addressAllParticipating: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.recommendation.count({ where: { reference } })).toBe(0);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).addressAllParticipating).toBe(true);
  });

  it("deletes a draft with its audit event", async () => {
    const draft = await createDraft();
    expect(await analyst.caller.recommendations.delete({ id: draft.id, expectedVersion: draft.version })).toEqual({ id: draft.id });
    expect(await db.recommendation.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "recommendation.deleted" } })).toBe(1);
  });
});

describe("input safety", () => {
  it("round-trips Cyrillic, Arabic, CJK, emoji and combining marks unchanged", async () => {
    const text = "Защита детей — حماية الأطفال — 儿童保护 — 👧🏽🧒 — e\u0301 — \u202Eoverride\u202C";
    const reference = `ЮНИ-${uniqueSuffix()}-日本`;
    const draft = await createDraft({ reference, text });
    const read = await analyst.caller.recommendations.get({ id: draft.id });
    expect(read.text).toBe(text);
    expect(read.reference).toBe(reference);
    const found = await analyst.caller.recommendations.list({ search: "حماية الأطفال", sourceId });
    expect(found.items.map((r) => r.id)).toContain(draft.id);
  });

  it("refuses NUL and over-long text with BAD_REQUEST and writes nothing", async () => {
    const reference = `NUL-${uniqueSuffix()}`;
    await expect(createDraft({ reference, text: "before\u0000after" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createDraft({ reference, text: "x".repeat(20_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createDraft({ reference: `NUL\u0000${uniqueSuffix()}` })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.recommendation.count({ where: { reference } })).toBe(0);
    const draft = await createDraft();
    await expect(
      analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, text: "y".repeat(20_001) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(draft.version);
    const maxLength = await createDraft({ text: "z".repeat(20_000) });
    expect(maxLength.text).toHaveLength(20_000);
  });

  it("rejects unknown keys (mass assignment) on create and update", async () => {
    const reference = `MASS-${uniqueSuffix()}`;
    await expect(createDraft({ reference, publication: "PUBLISHED" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createDraft({ reference, version: 99 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.recommendation.count({ where: { reference } })).toBe(0);
    const draft = await createDraft();
    await expect(
      analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, version: 99 } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, publication: "PUBLISHED" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ publication: "DRAFT", version: draft.version });
  });

  it("pages with a bounded limit and a cursor that cannot be forged into an error", async () => {
    const prefix = `PAGE-${uniqueSuffix()}`;
    const created = [];
    for (let index = 0; index < 5; index++) created.push(await createDraft({ reference: `${prefix}-${index}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await analyst.caller.recommendations.list({ search: prefix, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.reference));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created.map((r) => r.reference));
    await expect(analyst.caller.recommendations.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.recommendations.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Search is literal: % and _ are not wildcards.
    const literal = await createDraft({ text: "Reach 100% of children in care." });
    const percent = await analyst.caller.recommendations.list({ search: "%", sourceId, limit: 100 });
    expect(percent.items.map((r) => r.id)).toEqual([literal.id]);
    const underscore = await analyst.caller.recommendations.list({ search: "_", sourceId, limit: 100 });
    expect(underscore.items).toHaveLength(0);
  });
});

describe("themes", () => {
  it("lists themes in order for anyone and lets an admin add one with a unique key and label", async () => {
    const themes = await publicCaller.recommendations.themes();
    const orders = themes.map((t) => t.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(themes.map((t) => t.key)).toEqual(expect.arrayContaining(["prevention", "protection", "children", "migration"]));

    const key = `trafficking-${uniqueSuffix()}`;
    const label = `Trafficking ${uniqueSuffix()}`;
    const theme = await admin.caller.recommendations.createTheme({ key, label });
    expect(theme).toMatchObject({ key, label });
    await expect(admin.caller.recommendations.createTheme({ key, label: `Other ${uniqueSuffix()}` })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { key: [expect.any(String)] } } },
    });
    await expect(admin.caller.recommendations.createTheme({ key: `other-${uniqueSuffix()}`, label })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { label: [expect.any(String)] } } },
    });
    const draft = await createDraft({ themeKeys: [key] });
    expect(draft.themes.map((t) => t.key)).toEqual([key]);
  });
});
