import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callersOfEachRole, uniqueSuffix, type CallersOfEachRole } from "@/server/test/factories";

let { admin, analyst, focal, publicCaller } = {} as CallersOfEachRole;

beforeAll(async () => {
  ({ admin, analyst, focal, publicCaller } = await callersOfEachRole("IT"));
});

function sourceInput(overrides: Record<string, unknown> = {}) {
  return {
    title: `Source ${uniqueSuffix()}`,
    kind: "MONITORING_CYCLE" as const,
    date: "2024-11-05",
    location: "Geneva",
    link: "https://www.osce.org/odihr",
    description: "A monitoring cycle.",
    ...overrides,
  };
}

async function publishOneRecommendation(sourceId: string) {
  const draft = await analyst.caller.recommendations.create({
    sourceId,
    reference: `S-${uniqueSuffix()}`,
    text: "Adopt a national action plan.",
    addressAllParticipating: true,
  });
  await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
}

describe("sources", () => {
  it("lets analysts and admins create and update sources, with an audit event each", async () => {
    const source = await analyst.caller.sources.create(sourceInput());
    expect(source).toMatchObject({ kind: "MONITORING_CYCLE", location: "Geneva", version: 1 });
    expect(source.date).toBe("2024-11-05");

    const updated = await admin.caller.sources.update({ id: source.id, expectedVersion: 1, title: "GRETA round 4", location: null });
    expect(updated).toMatchObject({ title: "GRETA round 4", location: null, link: source.link, version: 2 });

    const events = await db.auditEvent.findMany({ where: { entityType: "Source", entityId: source.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorEmail])).toEqual([
      ["source.created", analyst.user.email],
      ["source.updated", admin.user.email],
    ]);
    expect(events[1]?.before).toMatchObject({ title: source.title, location: "Geneva" });
    expect(events[1]?.after).toMatchObject({ title: "GRETA round 4", location: null });
  });

  it("refuses a stale version with CONFLICT naming who changed it, and keeps the newer edit", async () => {
    const source = await analyst.caller.sources.create(sourceInput());
    await admin.caller.sources.update({ id: source.id, expectedVersion: 1, title: "Newer title" });
    await expect(analyst.caller.sources.update({ id: source.id, expectedVersion: 1, title: "Older title" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { conflict: { changedBy: admin.user.name, changedAt: expect.any(String) } } },
    });
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).title).toBe("Newer title");
    await expect(
      analyst.caller.sources.update({ id: crypto.randomUUID(), expectedVersion: 1, title: "Ghost" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the public and focal points only sources with a published recommendation", async () => {
    const hidden = await analyst.caller.sources.create(sourceInput());
    const shown = await analyst.caller.sources.create(sourceInput());
    await analyst.caller.recommendations.create({
      sourceId: hidden.id,
      reference: `H-${uniqueSuffix()}`,
      text: "Still a draft.",
      addressAllParticipating: true,
    });
    await publishOneRecommendation(shown.id);

    for (const caller of [publicCaller, focal.caller]) {
      const ids = (await caller.sources.list()).map((s) => s.id);
      expect(ids).toContain(shown.id);
      expect(ids).not.toContain(hidden.id);
      await expect(caller.sources.get({ id: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const visible = await caller.sources.get({ id: shown.id });
      expect(visible._count.recommendations).toBe(1);
    }
    const all = (await analyst.caller.sources.list()).map((s) => s.id);
    expect(all).toEqual(expect.arrayContaining([shown.id, hidden.id]));
    expect((await analyst.caller.sources.get({ id: hidden.id }))._count.recommendations).toBe(1);
    await expect(analyst.caller.sources.get({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses mutations to focal points (FORBIDDEN) and the public (UNAUTHORIZED)", async () => {
    const source = await analyst.caller.sources.create(sourceInput());
    const title = `Hijacked ${uniqueSuffix()}`;
    for (const [caller, code] of [[focal.caller, "FORBIDDEN"], [publicCaller, "UNAUTHORIZED"]] as const) {
      await expect(caller.sources.create(sourceInput({ title }))).rejects.toMatchObject({ code });
      await expect(caller.sources.update({ id: source.id, expectedVersion: 1, title })).rejects.toMatchObject({ code });
    }
    expect(await db.source.count({ where: { title } })).toBe(0);
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(1);
  });

  it("round-trips Unicode and refuses NUL, bad links, bad dates and unknown keys with BAD_REQUEST", async () => {
    const title = `Конференция — مؤتمر — 会议 🌍 ${uniqueSuffix()}`;
    const source = await analyst.caller.sources.create(sourceInput({ title, description: "Описание — وصف — 描述 👩‍👧" }));
    expect(await analyst.caller.sources.get({ id: source.id })).toMatchObject({ title, description: "Описание — وصف — 描述 👩‍👧" });

    const marker = `Bad ${uniqueSuffix()}`;
    await expect(analyst.caller.sources.create(sourceInput({ title: `${marker}\u0000` }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.sources.create(sourceInput({ title: marker, link: "javascript:alert(1)" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.sources.create(sourceInput({ title: marker, date: "2017-02-30" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.sources.create(sourceInput({ title: marker, version: 5 }) as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.sources.create(sourceInput({ title: "x".repeat(301) }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      analyst.caller.sources.update({ id: source.id, expectedVersion: 1, version: 9 } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.source.count({ where: { title: { startsWith: marker } } })).toBe(0);
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(1);
  });
});
