import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callersOfEachRole, createPublishedCommitments, stateByIso2, uniqueSuffix, type CallersOfEachRole } from "@/server/test/factories";

let { analyst, focal } = {} as CallersOfEachRole;

beforeAll(async () => {
  ({ analyst, focal } = await callersOfEachRole("IT"));
});

async function newSource() {
  return analyst.caller.sources.create({ title: `Publishing source ${uniqueSuffix()}`, kind: "OTHER", date: "2026-05-01" });
}

async function draft(sourceId: string, options: { all?: boolean; iso2s?: string[]; scaleId?: string } = {}) {
  const stateIds = await Promise.all((options.iso2s ?? []).map(async (iso2) => (await stateByIso2(iso2)).id));
  return analyst.caller.recommendations.create({
    sourceId,
    reference: `PUB-${uniqueSuffix()}`,
    text: "Identify victims of trafficking among asylum seekers.",
    addressAllParticipating: options.all ?? false,
    addresseeStateIds: stateIds,
    ...(options.scaleId ? { scaleId: options.scaleId } : {}),
  });
}

describe("publishing all drafts of a source", () => {
  it("publishes every draft with its fan-out in one go, says how many commitments it created, and audits it", async () => {
    const source = await newSource();
    const toAll = await draft(source.id, { all: true });
    const toTwo = await draft(source.id, { iso2s: ["AT", "FR"] });
    const published = await draft(source.id, { iso2s: ["DE"] });
    await analyst.caller.recommendations.publish({ recommendationId: published.id, expectedVersion: published.version });
    const participating = await db.state.count({ where: { kind: "PARTICIPATING" } });

    expect(await analyst.caller.sources.get({ id: source.id })).toMatchObject({ drafts: 2 });
    const result = await analyst.caller.sources.publishDrafts({ sourceId: source.id });
    expect(result).toEqual({ published: 2, created: participating + 2 });

    const rows = await db.recommendation.findMany({ where: { sourceId: source.id }, select: { id: true, publication: true, _count: { select: { commitments: true } } } });
    expect(rows.every((row) => row.publication === "PUBLISHED")).toBe(true);
    expect(rows.find((row) => row.id === toAll.id)?._count.commitments).toBe(participating);
    expect(rows.find((row) => row.id === toTwo.id)?._count.commitments).toBe(2);

    const sourceEvent = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Source", entityId: source.id, action: "source.drafts_published" } });
    expect(sourceEvent.actorEmail).toBe(analyst.user.email);
    expect(sourceEvent.after).toMatchObject({ published: 2, created: participating + 2 });
    const publishedEvents = await db.auditEvent.count({ where: { action: "recommendation.published", entityId: { in: [toAll.id, toTwo.id] } } });
    expect(publishedEvents).toBe(2);
    const commitmentEvents = await db.auditEvent.count({
      where: { action: "commitment.created", entityType: "Commitment", entityId: { in: (await db.commitment.findMany({ where: { recommendationId: { in: [toAll.id, toTwo.id] } }, select: { id: true } })).map((c) => c.id) } },
    });
    expect(commitmentEvents).toBe(participating + 2);

    // Nothing left: a second click publishes nothing and creates nothing.
    expect(await analyst.caller.sources.publishDrafts({ sourceId: source.id })).toEqual({ published: 0, created: 0 });
    expect(await analyst.caller.sources.get({ id: source.id })).toMatchObject({ drafts: 0 });
  });

  it("publishes nothing when one draft cannot be published, and names it", async () => {
    const source = await newSource();
    const good = await draft(source.id, { iso2s: ["AT"] });
    const empty = await db.statusScale.create({ data: { name: `Empty scale ${uniqueSuffix()}` } });
    const bad = await draft(source.id, { iso2s: ["FR"], scaleId: empty.id });

    await expect(analyst.caller.sources.publishDrafts({ sourceId: source.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(bad.reference),
    });
    const rows = await db.recommendation.findMany({ where: { id: { in: [good.id, bad.id] } }, select: { publication: true, version: true } });
    expect(rows.map((row) => row.publication)).toEqual(["DRAFT", "DRAFT"]);
    expect(await db.commitment.count({ where: { recommendationId: { in: [good.id, bad.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { OR: [{ entityId: source.id, action: "source.drafts_published" }, { entityId: { in: [good.id, bad.id] }, action: "recommendation.published" }] } })).toBe(0);
  });

  it("publishes nothing when the drafts changed since the user counted them", async () => {
    const source = await newSource();
    await draft(source.id, { iso2s: ["AT"] });
    await draft(source.id, { iso2s: ["FR"] });
    await expect(analyst.caller.sources.publishDrafts({ sourceId: source.id, drafts: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("It now has 2 drafts"),
    });
    expect(await db.recommendation.count({ where: { sourceId: source.id, publication: "DRAFT" } })).toBe(2);
    expect(await analyst.caller.sources.publishDrafts({ sourceId: source.id, drafts: 2 })).toEqual({ published: 2, created: 2 });
  });

  it("is the secretariat's: a focal point is refused, and an unknown source is not found", async () => {
    const source = await newSource();
    await draft(source.id, { iso2s: ["IT"] });
    await expect(focal.caller.sources.publishDrafts({ sourceId: source.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(analyst.caller.sources.publishDrafts({ sourceId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.recommendation.count({ where: { sourceId: source.id, publication: "DRAFT" } })).toBe(1);
  });
});

describe("one due date for all commitments of a recommendation", () => {
  it("sets the recommendation's and every commitment's due date, moves their versions and audits each", async () => {
    const world = await createPublishedCommitments(["AT", "FR", "IT"]);
    const before = await db.commitment.findMany({ where: { recommendationId: world.recommendation.id }, select: { id: true, version: true } });

    const result = await analyst.caller.recommendations.setDueDate({ recommendationId: world.recommendation.id, expectedVersion: world.recommendation.version, dueDate: "2032-03-31" });
    expect(result).toEqual({ id: world.recommendation.id, version: world.recommendation.version + 1, commitments: 3 });

    const after = await db.commitment.findMany({ where: { recommendationId: world.recommendation.id }, select: { id: true, version: true, dueDate: true, updatedById: true } });
    for (const commitment of after) {
      expect(commitment.dueDate?.toISOString().slice(0, 10)).toBe("2032-03-31");
      expect(commitment.version).toBe(before.find((row) => row.id === commitment.id)!.version + 1);
      expect(commitment.updatedById).toBe(analyst.user.id);
    }
    const recommendation = await db.recommendation.findUniqueOrThrow({ where: { id: world.recommendation.id } });
    expect(recommendation.dueDate?.toISOString().slice(0, 10)).toBe("2032-03-31");
    expect(await db.auditEvent.count({ where: { action: "commitment.due_date_set", entityId: { in: after.map((c) => c.id) } } })).toBe(3);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "recommendation.due_date_set", entityId: world.recommendation.id } });
    expect(event.after).toMatchObject({ dueDate: "2032-03-31T00:00:00.000Z", commitments: 3 });

    // A commitment's own edit opened before is now stale.
    const austria = world.commitments.AT!;
    await expect(analyst.caller.commitments.setDueDate({ commitmentId: austria.id, expectedVersion: austria.version, dueDate: null })).rejects.toMatchObject({ code: "CONFLICT" });

    // No due date at all: cleared everywhere.
    await analyst.caller.recommendations.setDueDate({ recommendationId: world.recommendation.id, expectedVersion: recommendation.version, dueDate: null });
    expect(await db.commitment.count({ where: { recommendationId: world.recommendation.id, dueDate: { not: null } } })).toBe(0);
  });

  it("refuses a stale version and a draft, changing nothing", async () => {
    const world = await createPublishedCommitments(["AT"]);
    await analyst.caller.recommendations.setDueDate({ recommendationId: world.recommendation.id, expectedVersion: world.recommendation.version, dueDate: "2031-01-31" });
    await expect(
      analyst.caller.recommendations.setDueDate({ recommendationId: world.recommendation.id, expectedVersion: world.recommendation.version, dueDate: "2040-01-01" }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { conflict: { changedBy: analyst.user.name } } } });
    const commitment = await db.commitment.findUniqueOrThrow({ where: { id: world.commitments.AT!.id } });
    expect(commitment.dueDate?.toISOString().slice(0, 10)).toBe("2031-01-31");

    const source = await newSource();
    const drafted = await draft(source.id, { iso2s: ["AT"] });
    await expect(analyst.caller.recommendations.setDueDate({ recommendationId: drafted.id, expectedVersion: drafted.version, dueDate: "2040-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: drafted.id } })).version).toBe(drafted.version);
  });
});
