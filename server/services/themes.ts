import "server-only";
import { assertAdmin } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { staleVersionError } from "@/server/services/core/conflict";
import { db, type Tx } from "@/server/db/client";
import { recordAudit, recordAuditMany } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { createTheme } from "@/server/services/recommendations/themes";
import type { TCreateThemeByLabelInput, TMergeThemeInput, TRenameThemeInput } from "@/server/schemas/themes";

// The administrators' management of themes: create (by label), rename, and merge one theme into
// another. Every change is audited in its transaction; renames and merges carry the version read.

const managedThemeSelect = { id: true, key: true, label: true, sortOrder: true, version: true } as const;

const KEY_MAX = 50;

function labelTaken() {
  return new DomainError("CONFLICT", "conflict.themeTaken", { fieldErrors: { label: [validationMessage("keys.themeLabelTaken")] } });
}

/** A key made from a label: lower-case ASCII letters, digits and hyphens, starting with a letter. */
function keyFromLabel(label: string) {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "")
    .slice(0, KEY_MAX - 8)
    .replace(/-+$/, "");
  return slug || "theme";
}

/** The first of `base`, `base-2`, `base-3`, ... that no theme has. */
async function freeKey(base: string) {
  const taken = new Set((await db.theme.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((row) => row.key));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/** Every theme with its version and how many recommendations are filed under it. */
export async function listManagedThemes(actor: ServiceActor) {
  assertAdmin(actor);
  const themes = await db.theme.findMany({
    orderBy: [{ sortOrder: "asc" }, { label: "asc" }],
    take: 500,
    select: { ...managedThemeSelect, _count: { select: { recommendations: true } } },
  });
  return themes.map(({ _count, ...theme }) => ({ ...theme, recommendations: _count.recommendations }));
}

export async function createThemeByLabel(actor: ServiceActor, input: TCreateThemeByLabelInput) {
  assertAdmin(actor);
  return createTheme(actor, { key: await freeKey(keyFromLabel(input.label)), label: input.label });
}

/** The theme locked for the change, or NOT_FOUND; a version other than `expectedVersion` is a stale edit. */
async function lockedTheme(tx: Tx, id: string, expectedVersion: number) {
  const [theme] = await tx.theme.findMany({ where: { id }, select: managedThemeSelect });
  if (!theme) throw new DomainError("NOT_FOUND", "notFound.theme");
  const { count } = await tx.theme.updateMany({ where: { id, version: expectedVersion }, data: { version: { increment: 1 } } });
  if (count === 0) throw await staleVersionError(tx, "Theme", id);
  return theme;
}

export async function renameTheme(actor: ServiceActor, input: TRenameThemeInput) {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockedTheme(tx, input.id, input.expectedVersion);
      const other = await tx.theme.findFirst({
        where: { id: { not: input.id }, label: { equals: input.label, mode: "insensitive" } },
        select: { id: true },
      });
      if (other) throw labelTaken();
      const after = await tx.theme.update({ where: { id: input.id }, data: { label: input.label }, select: managedThemeSelect });
      await recordAudit(tx, actor, { action: "theme.renamed", entityType: "Theme", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw labelTaken();
    throw error;
  }
}

/**
 * Moves every recommendation of the theme `id` to `intoId` (a recommendation filed under both
 * keeps one link), then deletes `id`. Each recommendation that changed gets a new version and an
 * audit event; the merge itself is one event on the merged theme and one on the theme it went into.
 */
export async function mergeTheme(actor: ServiceActor, input: TMergeThemeInput) {
  assertAdmin(actor);
  if (input.id === input.intoId) {
    throw new DomainError("BAD_REQUEST", "themes.mergeIntoItself", { fieldErrors: { intoId: [validationMessage("themes.mergeIntoItself")] } });
  }
  return db.$transaction(async (tx) => {
    // Locked in one order (by id) whichever way round two merges name them.
    const [first, second] = [input.id, input.intoId].sort();
    const versions = { [input.id]: input.expectedVersion, [input.intoId]: input.intoExpectedVersion };
    const locked = [await lockedTheme(tx, first!, versions[first!]!), await lockedTheme(tx, second!, versions[second!]!)];
    const from = locked.find((theme) => theme.id === input.id)!;
    const into = locked.find((theme) => theme.id === input.intoId)!;

    const links = await tx.recommendationTheme.findMany({
      where: { themeId: from.id },
      select: { recommendation: { select: { id: true, themes: { select: { theme: { select: { key: true } } } } } } },
    });
    const moved = links.map((link) => link.recommendation);
    const ids = moved.map((recommendation) => recommendation.id);
    await tx.recommendationTheme.createMany({ data: ids.map((recommendationId) => ({ recommendationId, themeId: into.id })), skipDuplicates: true });
    await tx.recommendationTheme.deleteMany({ where: { themeId: from.id } });
    await tx.recommendation.updateMany({ where: { id: { in: ids } }, data: { version: { increment: 1 } } });
    await tx.theme.delete({ where: { id: from.id } });

    const intoAfter = await tx.theme.findUniqueOrThrow({ where: { id: into.id }, select: managedThemeSelect });
    await recordAudit(tx, actor, { action: "theme.merged", entityType: "Theme", entityId: from.id, before: from, after: { into: intoAfter, moved: ids.length } });
    await recordAudit(tx, actor, { action: "theme.mergedInto", entityType: "Theme", entityId: into.id, before: into, after: { ...intoAfter, mergedFrom: from, moved: ids.length } });
    await recordAuditMany(
      tx,
      actor,
      moved.map((recommendation) => {
        const themes = recommendation.themes.map((link) => link.theme.key).sort();
        const afterThemes = [...new Set(themes.map((key) => (key === from.key ? into.key : key)))].sort();
        return { action: "recommendation.themesMerged", entityType: "Recommendation", entityId: recommendation.id, before: { themes }, after: { themes: afterThemes } };
      }),
    );
    return { into: intoAfter, moved: ids.length };
  });
}
