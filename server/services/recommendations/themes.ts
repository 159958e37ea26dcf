import "server-only";
import { assertAdmin } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import type { TCreateThemeInput } from "@/server/schemas/recommendations";

// The themes recommendations are tagged with: listed to everyone, created by administrators.

export const themeSelect = { id: true, key: true, label: true, sortOrder: true } as const;

/** A recommendation's themes (through its RecommendationTheme rows) with `select`, in display order. */
export function themesOf<S extends Prisma.ThemeSelect>(select: S) {
  return { select: { theme: { select } }, orderBy: { theme: { sortOrder: "asc" as const } } };
}

/** A row's theme links read as the themes themselves: how every reader sees a recommendation's themes. */
export function withThemes<T extends { themes: { theme: unknown }[] }>(row: T): Omit<T, "themes"> & { themes: T["themes"][number]["theme"][] } {
  return { ...row, themes: row.themes.map((link) => link.theme) };
}

export async function listThemes(_actor: Actor) {
  return db.theme.findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], take: 500, select: themeSelect });
}

export async function createTheme(actor: ServiceActor, input: TCreateThemeInput) {
  assertAdmin(actor);
  const duplicate = () =>
    new DomainError("CONFLICT", "conflict.themeTaken", {
      fieldErrors: { key: [validationMessage("keys.themeTaken")], label: [validationMessage("keys.themeTaken")] },
    });
  try {
    return await db.$transaction(async (tx) => {
      // One connection per transaction: queries run one after the other.
      const byKey = await tx.theme.findUnique({ where: { key: input.key }, select: { id: true } });
      const byLabel = await tx.theme.findFirst({ where: { label: { equals: input.label, mode: "insensitive" } }, select: { id: true } });
      const fieldErrors: Record<string, string[]> = {};
      if (byKey) fieldErrors.key = [validationMessage("keys.themeKeyTaken")];
      if (byLabel) fieldErrors.label = [validationMessage("keys.themeLabelTaken")];
      if (byKey || byLabel) throw new DomainError("CONFLICT", "conflict.themeTaken", { fieldErrors });

      const last = await tx.theme.findFirst({ orderBy: { sortOrder: "desc" }, select: { sortOrder: true } });
      const theme = await tx.theme.create({
        data: { key: input.key, label: input.label, sortOrder: input.sortOrder ?? (last ? last.sortOrder + 1 : 0) },
        select: themeSelect,
      });
      await recordAudit(tx, actor, { action: "theme.created", entityType: "Theme", entityId: theme.id, after: theme });
      return theme;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
