import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callersOfEachRole, uniqueSuffix, type CallersOfEachRole } from "@/server/test/factories";

let { admin, analyst, focal, publicCaller } = {} as CallersOfEachRole;

beforeAll(async () => {
  ({ admin, analyst, focal, publicCaller } = await callersOfEachRole("DE"));
});

const THREE_STATUSES = [
  { key: "open", label: "Open", defaultProgress: 0, countsTowardsAverage: true, odihrLevel: "NOT_IMPLEMENTED" as const },
  { key: "halfway", label: "Halfway", defaultProgress: 50, countsTowardsAverage: true, odihrLevel: "PARTIALLY" as const },
  { key: "done", label: "Done", defaultProgress: 100, countsTowardsAverage: true, odihrLevel: "FULLY" as const },
];

function createScale(overrides: Record<string, unknown> = {}) {
  return admin.caller.scales.create({ name: `Scale ${uniqueSuffix()}`, statuses: THREE_STATUSES, ...overrides });
}

async function useScale(scaleId: string) {
  const source = await analyst.caller.sources.create({ title: `Scale source ${uniqueSuffix()}`, kind: "OTHER", date: "2025-01-01" });
  return analyst.caller.recommendations.create({
    sourceId: source.id,
    reference: `SC-${uniqueSuffix()}`,
    text: "Uses a custom scale.",
    addressAllParticipating: false,
    addresseeStateIds: [(await db.state.findUniqueOrThrow({ where: { iso2: "PL" } })).id],
    scaleId,
  });
}

describe("status scales", () => {
  it("lists scales for anyone with statuses ordered by position, the default one included", async () => {
    const created = await createScale();
    const scales = await publicCaller.scales.list();
    const defaultScale = scales.find((s) => s.isDefault);
    expect(defaultScale?.statuses.map((s) => s.key)).toEqual([
      "not_started", "planned", "in_progress", "partially_implemented", "implemented", "not_applicable",
    ]);
    expect(defaultScale?.statuses.find((s) => s.key === "not_applicable")).toMatchObject({ countsTowardsAverage: false, odihrLevel: null });
    const mine = scales.find((s) => s.id === created.id);
    expect(mine?.statuses.map((s) => [s.key, s.position])).toEqual([["open", 0], ["halfway", 1], ["done", 2]]);
    expect(await publicCaller.scales.get({ id: created.id })).toMatchObject({ id: created.id, inUse: null });
    expect(await admin.caller.scales.get({ id: created.id })).toMatchObject({ inUse: false });
    await expect(publicCaller.scales.get({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only administrators create and update scales", async () => {
    const scale = await createScale();
    const name = `Forbidden ${uniqueSuffix()}`;
    for (const [caller, code] of [[analyst.caller, "FORBIDDEN"], [focal.caller, "FORBIDDEN"], [publicCaller, "UNAUTHORIZED"]] as const) {
      await expect(caller.scales.create({ name, statuses: THREE_STATUSES })).rejects.toMatchObject({ code });
      await expect(caller.scales.update({ id: scale.id, expectedVersion: scale.version, name })).rejects.toMatchObject({ code });
    }
    expect(await db.statusScale.count({ where: { name } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: scale.id } })).toBe(1);
  });

  it("validates statuses: at least 2, unique keys, progress 0-100, duplicate names refused", async () => {
    const name = `Invalid ${uniqueSuffix()}`;
    await expect(createScale({ name, statuses: THREE_STATUSES.slice(0, 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createScale({ name, statuses: [THREE_STATUSES[0], { ...THREE_STATUSES[1], key: "open" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createScale({ name, statuses: [THREE_STATUSES[0], { ...THREE_STATUSES[1], defaultProgress: 101 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createScale({ name, statuses: [THREE_STATUSES[0], { ...THREE_STATUSES[1], label: "Bad\u0000" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createScale({ name, statuses: THREE_STATUSES, isDefault: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.statusScale.count({ where: { name } })).toBe(0);

    const existing = await createScale();
    await expect(createScale({ name: existing.name })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { name: [expect.any(String)] } } },
    });
    const other = await createScale();
    await expect(admin.caller.scales.update({ id: other.id, expectedVersion: other.version, name: existing.name })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("updates labels, defaults, order and adds statuses, with an audit event", async () => {
    const scale = await createScale();
    const name = `Renamed ${uniqueSuffix()}`;
    const updated = await admin.caller.scales.update({
      id: scale.id,
      expectedVersion: scale.version,
      name,
      statuses: [
        { ...THREE_STATUSES[0]!, label: "Открыто" },
        { key: "planned", label: "Planned", defaultProgress: 10, countsTowardsAverage: true, odihrLevel: "NOT_IMPLEMENTED" },
        THREE_STATUSES[1]!,
        { ...THREE_STATUSES[2]!, defaultProgress: 95 },
        { key: "n_a", label: "Not applicable", defaultProgress: 0, countsTowardsAverage: false, odihrLevel: null },
      ],
    });
    expect(updated.name).toBe(name);
    expect(updated.statuses.map((s) => [s.key, s.label, s.position, s.defaultProgress])).toEqual([
      ["open", "Открыто", 0, 0],
      ["planned", "Planned", 1, 10],
      ["halfway", "Halfway", 2, 50],
      ["done", "Done", 3, 95],
      ["n_a", "Not applicable", 4, 0],
    ]);
    // Existing statuses keep their ids, so commitments pointing at them stay valid.
    expect(updated.statuses.find((s) => s.key === "done")?.id).toBe(scale.statuses.find((s) => s.key === "done")?.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: scale.id, action: "scale.updated" } });
    expect(event.actorEmail).toBe(admin.user.email);
    expect(event.before).toMatchObject({ name: scale.name });
  });

  it("lets a scale in use drop a status no commitment holds but refuses one they hold, naming it, nothing changed", async () => {
    const unused = await createScale();
    const trimmed = await admin.caller.scales.update({ id: unused.id, expectedVersion: unused.version, statuses: [THREE_STATUSES[0]!, THREE_STATUSES[2]!] });
    expect(trimmed.statuses.map((s) => s.key)).toEqual(["open", "done"]);

    const used = await createScale();
    const recommendation = await useScale(used.id);
    await analyst.caller.recommendations.publish({ recommendationId: recommendation.id, expectedVersion: recommendation.version });
    const read = await admin.caller.scales.get({ id: used.id });
    expect(read).toMatchObject({ inUse: true });
    // Commitments start at the first status: that one is held, the others are not.
    expect(read.statuses.map((s) => [s.key, s.held])).toEqual([["open", true], ["halfway", false], ["done", false]]);
    expect((await publicCaller.scales.get({ id: used.id })).statuses.map((s) => s.held)).toEqual([null, null, null]);

    await expect(
      admin.caller.scales.update({ id: used.id, expectedVersion: read.version, statuses: [THREE_STATUSES[1]!, THREE_STATUSES[2]!] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Open") });
    const unchanged = await admin.caller.scales.get({ id: used.id });
    expect(unchanged.statuses.map((s) => s.key)).toEqual(["open", "halfway", "done"]);
    expect(unchanged.version).toBe(read.version);

    // Dropping a status nobody holds, adding one and relabelling stay allowed on a scale in use.
    const grown = await admin.caller.scales.update({
      id: used.id,
      expectedVersion: read.version,
      statuses: [THREE_STATUSES[0]!, { ...THREE_STATUSES[2]!, label: "Completed" }, { key: "n_a", label: "N/A", defaultProgress: 0, countsTowardsAverage: false, odihrLevel: null }],
    });
    expect(grown.statuses.map((s) => s.label)).toEqual(["Open", "Completed", "N/A"]);
    expect(grown.version).toBe(read.version + 1);
  });

  it("names a held built-in status in the reader's language when refusing its removal", async () => {
    const scale = await createScale({ statuses: [{ ...THREE_STATUSES[0]!, key: "not_started", label: "Not started" }, ...THREE_STATUSES.slice(1)] });
    const recommendation = await useScale(scale.id);
    await analyst.caller.recommendations.publish({ recommendationId: recommendation.id, expectedVersion: recommendation.version });
    const { createCaller } = await import("@/server/api/root");
    const french = createCaller({ actor: admin.actor, requestId: admin.actor.requestId, locale: "fr" });
    await expect(french.scales.update({ id: scale.id, expectedVersion: scale.version, statuses: THREE_STATUSES.slice(1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Non commencé"),
    });
  });

  it("refuses a stale edit with who changed the scale and when, and keeps the newer change", async () => {
    const scale = await createScale();
    const first = await admin.caller.scales.update({ id: scale.id, expectedVersion: scale.version, name: `First ${uniqueSuffix()}` });
    expect(first.version).toBe(scale.version + 1);
    await expect(admin.caller.scales.update({ id: scale.id, expectedVersion: scale.version, name: `Second ${uniqueSuffix()}` })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { conflict: { changedBy: admin.user.name, changedAt: expect.any(String) } } },
    });
    expect((await admin.caller.scales.get({ id: scale.id })).name).toBe(first.name);
    expect(await db.auditEvent.count({ where: { entityId: scale.id, action: "scale.updated" } })).toBe(1);
  });

  it("starts commitments of a custom scale at its first status", async () => {
    const scale = await createScale({
      statuses: [{ ...THREE_STATUSES[0]!, defaultProgress: 5 }, ...THREE_STATUSES.slice(1)],
    });
    const recommendation = await useScale(scale.id);
    expect(await analyst.caller.recommendations.publish({ recommendationId: recommendation.id, expectedVersion: recommendation.version })).toEqual({ created: 1, total: 1 });
    const commitment = await db.commitment.findFirstOrThrow({ where: { recommendationId: recommendation.id }, include: { acceptedStatus: true } });
    expect(commitment).toMatchObject({ acceptedProgress: 5, acceptedStatus: { key: "open", scaleId: scale.id } });
  });
});
