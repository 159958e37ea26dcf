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
      await expect(caller.scales.update({ id: scale.id, name })).rejects.toMatchObject({ code });
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
    await expect(admin.caller.scales.update({ id: other.id, name: existing.name })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("updates labels, defaults, order and adds statuses, with an audit event", async () => {
    const scale = await createScale();
    const name = `Renamed ${uniqueSuffix()}`;
    const updated = await admin.caller.scales.update({
      id: scale.id,
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

  it("lets an unused scale drop a status but refuses it, naming the status, once a recommendation uses it", async () => {
    const unused = await createScale();
    const trimmed = await admin.caller.scales.update({ id: unused.id, statuses: [THREE_STATUSES[0]!, THREE_STATUSES[2]!] });
    expect(trimmed.statuses.map((s) => s.key)).toEqual(["open", "done"]);

    const used = await createScale();
    await useScale(used.id);
    expect(await admin.caller.scales.get({ id: used.id })).toMatchObject({ inUse: true });
    await expect(
      admin.caller.scales.update({ id: used.id, statuses: [THREE_STATUSES[0]!, THREE_STATUSES[2]!] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Halfway") });
    const after = await admin.caller.scales.get({ id: used.id });
    expect(after.statuses.map((s) => s.key)).toEqual(["open", "halfway", "done"]);

    // Adding a status and relabelling stay allowed on a scale in use.
    const grown = await admin.caller.scales.update({
      id: used.id,
      statuses: [...THREE_STATUSES.slice(0, 2), { ...THREE_STATUSES[2]!, label: "Completed" }, { key: "n_a", label: "N/A", defaultProgress: 0, countsTowardsAverage: false, odihrLevel: null }],
    });
    expect(grown.statuses.map((s) => s.label)).toEqual(["Open", "Halfway", "Completed", "N/A"]);
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
