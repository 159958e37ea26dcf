import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callersOfEachRole, createPublishedCommitments, uniqueSuffix, type CallersOfEachRole } from "@/server/test/factories";

let { admin, analyst, focal, publicCaller } = {} as CallersOfEachRole;

beforeAll(async () => {
  ({ admin, analyst, focal, publicCaller } = await callersOfEachRole("DE"));
});

async function themeNamed(label: string) {
  await admin.caller.themes.create({ label });
  const theme = (await admin.caller.themes.list()).find((item) => item.label === label);
  if (!theme) throw new Error(`Theme ${label} was not created`);
  return theme;
}

describe("themes", () => {
  it("creates a theme from its label with a key of its own, listed with how many recommendations use it, audited", async () => {
    const label = `Forced labour ${uniqueSuffix()}`;
    const theme = await themeNamed(label);
    expect(theme).toMatchObject({ label, version: 1, recommendations: 0 });
    expect(theme.key).toMatch(/^forced-labour-/);
    const cyrillic = await themeNamed(`Трудовая эксплуатация ${uniqueSuffix()}`);
    expect(cyrillic.key).toMatch(/^[a-z][a-z0-9_-]*$/);
    expect(await db.auditEvent.count({ where: { entityId: theme.id, action: "theme.created" } })).toBe(1);
    const before = (await admin.caller.themes.list()).find((item) => item.key === "children")!;
    await createPublishedCommitments(["AT"], {});
    const after = (await admin.caller.themes.list()).find((item) => item.key === "children")!;
    expect(after.recommendations).toBe(before.recommendations + 1);
  });

  it("refuses a label already used (whatever its case) with a field error, creating and renaming", async () => {
    const label = `Shelters ${uniqueSuffix()}`;
    const theme = await themeNamed(label);
    await expect(admin.caller.themes.create({ label: label.toUpperCase() })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { label: [expect.any(String)] } } },
    });
    const other = await themeNamed(`Other ${uniqueSuffix()}`);
    await expect(admin.caller.themes.rename({ id: other.id, expectedVersion: other.version, label: label.toLowerCase() })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { fieldErrors: { label: [expect.any(String)] } } },
    });
    expect(await db.theme.count({ where: { label: { equals: label, mode: "insensitive" } } })).toBe(1);
    // Renaming a theme to its own label in another case is allowed.
    expect(await admin.caller.themes.rename({ id: theme.id, expectedVersion: theme.version, label: label.toLowerCase() })).toMatchObject({ label: label.toLowerCase(), version: 2 });
  });

  it("renames a theme with an audit event, and refuses a stale rename saying who changed it", async () => {
    const theme = await themeNamed(`Victims ${uniqueSuffix()}`);
    const renamed = await admin.caller.themes.rename({ id: theme.id, expectedVersion: theme.version, label: `Victims' rights ${uniqueSuffix()}` });
    expect(renamed).toMatchObject({ id: theme.id, key: theme.key, version: 2 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: theme.id, action: "theme.renamed" } });
    expect(event).toMatchObject({ before: { label: theme.label }, after: { label: renamed.label } });
    await expect(admin.caller.themes.rename({ id: theme.id, expectedVersion: theme.version, label: `Late ${uniqueSuffix()}` })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { conflict: { changedBy: admin.user.name } } },
    });
    expect((await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).label).toBe(renamed.label);
    await expect(admin.caller.themes.rename({ id: crypto.randomUUID(), expectedVersion: 1, label: "Nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("merges a theme into another: its recommendations move (once), it is gone, every change audited and versioned", async () => {
    const from = await themeNamed(`Merge from ${uniqueSuffix()}`);
    const into = await themeNamed(`Merge into ${uniqueSuffix()}`);
    const { recommendation: both } = await createPublishedCommitments(["AT"]);
    const { recommendation: onlyFrom } = await createPublishedCommitments(["AT"]);
    await db.recommendationTheme.createMany({
      data: [
        { recommendationId: both.id, themeId: from.id },
        { recommendationId: both.id, themeId: into.id },
        { recommendationId: onlyFrom.id, themeId: from.id },
      ],
    });
    const merged = await admin.caller.themes.merge({ id: from.id, expectedVersion: from.version, intoId: into.id, intoExpectedVersion: into.version });
    expect(merged).toMatchObject({ into: { id: into.id, version: into.version + 1 }, moved: 2 });
    expect(await db.theme.findUnique({ where: { id: from.id } })).toBeNull();
    expect(await db.recommendationTheme.count({ where: { themeId: into.id } })).toBe(2);
    const versions = await db.recommendation.findMany({ where: { id: { in: [both.id, onlyFrom.id] } }, select: { version: true } });
    expect(versions.map((row) => row.version)).toEqual([both.version + 1, onlyFrom.version + 1]);
    expect(await db.auditEvent.count({ where: { entityId: from.id, action: "theme.merged" } })).toBe(1);
    const moved = await db.auditEvent.findFirstOrThrow({ where: { entityId: onlyFrom.id, action: "recommendation.themesMerged" } });
    expect(moved).toMatchObject({ before: { themes: expect.arrayContaining([from.key]) }, after: { themes: expect.arrayContaining([into.key]) } });
  });

  it("refuses merging a theme into itself, into a missing theme, or from a stale version, changing nothing", async () => {
    const from = await themeNamed(`Stays ${uniqueSuffix()}`);
    const into = await themeNamed(`Target ${uniqueSuffix()}`);
    await expect(admin.caller.themes.merge({ id: from.id, expectedVersion: from.version, intoId: from.id, intoExpectedVersion: from.version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { fieldErrors: { intoId: [expect.any(String)] } } },
    });
    await expect(admin.caller.themes.merge({ id: from.id, expectedVersion: from.version, intoId: crypto.randomUUID(), intoExpectedVersion: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await admin.caller.themes.rename({ id: into.id, expectedVersion: into.version, label: `Target renamed ${uniqueSuffix()}` });
    await expect(admin.caller.themes.merge({ id: from.id, expectedVersion: from.version, intoId: into.id, intoExpectedVersion: into.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.theme.findUnique({ where: { id: from.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: from.id, action: "theme.merged" } })).toBe(0);
  });

  it("lets only administrators manage themes", async () => {
    const theme = await themeNamed(`Guarded ${uniqueSuffix()}`);
    for (const [caller, code] of [[analyst.caller, "FORBIDDEN"], [focal.caller, "FORBIDDEN"], [publicCaller, "UNAUTHORIZED"]] as const) {
      await expect(caller.themes.list()).rejects.toMatchObject({ code });
      await expect(caller.themes.create({ label: `Nope ${uniqueSuffix()}` })).rejects.toMatchObject({ code });
      await expect(caller.themes.rename({ id: theme.id, expectedVersion: theme.version, label: `Nope ${uniqueSuffix()}` })).rejects.toMatchObject({ code });
    }
    expect((await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).label).toBe(theme.label);
  });
});
