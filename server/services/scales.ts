import "server-only";
import { assertAdmin } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Db, Tx } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { lockScaleSql } from "@/server/services/scales.sql";
import { staleVersionError } from "@/server/services/core/conflict";
import { referenceLabelsFor } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import type { TCreateScaleInput, TGetScaleInput, TUpdateScaleInput } from "@/server/schemas/scales";

export const scaleStatusSelect = {
  id: true,
  key: true,
  label: true,
  position: true,
  defaultProgress: true,
  countsTowardsAverage: true,
  odihrLevel: true,
} as const;

export const scaleSelect = {
  id: true,
  name: true,
  description: true,
  isDefault: true,
  version: true,
  createdAt: true,
  statuses: { select: scaleStatusSelect, orderBy: { position: "asc" } },
} as const;

// Positions are rewritten 0..n-1 on every update; moving them out of the way first keeps the
// (scaleId, position) unique index satisfied while rows are renumbered one by one.
const POSITION_SHIFT = 1000;

function nameTaken(name: string) {
  return new DomainError("CONFLICT", { key: "conflict.scaleNameTaken", values: { name } }, {
    fieldErrors: { name: [validationMessage("scales.nameTaken")] },
  });
}

/** Whether any recommendation (draft or published) uses the scale. */
async function isScaleInUse(tx: Tx | Db, scaleId: string) {
  return (await tx.recommendation.count({ where: { scaleId }, take: 1 })) > 0;
}

/** A status that commitments hold: accepted, in an update, an assessment or a commitment's history. */
const heldStatus = {
  OR: [{ acceptedIn: { some: {} } }, { updates: { some: {} } }, { assessments: { some: {} } }, { statusChanges: { some: {} } }],
} satisfies Prisma.ScaleStatusWhereInput;

/** The ids of the scale's statuses (or of the given ones) that commitments hold: these cannot be removed. */
async function heldStatusIds(tx: Tx | Db, scaleId: string, statusIds?: string[]) {
  const rows = await tx.scaleStatus.findMany({
    where: { scaleId, ...(statusIds ? { id: { in: statusIds } } : {}), ...heldStatus },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

export async function listScales(_actor: Actor) {
  // Scales are reference data: everyone may read them, to understand the statuses shown.
  return db.statusScale.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], take: 200, select: scaleSelect });
}

export async function getScale(actor: Actor, input: TGetScaleInput) {
  const scale = await db.statusScale.findUnique({ where: { id: input.id }, select: scaleSelect });
  if (!scale) throw new DomainError("NOT_FOUND", "notFound.scale");
  // Only the secretariat edits scales, so only they need to know which statuses can be removed.
  if (!isSecretariat(actor)) return { ...scale, inUse: null, statuses: scale.statuses.map((status) => ({ ...status, held: null })) };
  const [inUse, held] = await Promise.all([isScaleInUse(db, scale.id), heldStatusIds(db, scale.id)]);
  return { ...scale, inUse, statuses: scale.statuses.map((status) => ({ ...status, held: held.has(status.id) })) };
}

export async function createScale(actor: ServiceActor, input: TCreateScaleInput) {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.statusScale.findUnique({ where: { name: input.name }, select: { id: true } })) {
        throw nameTaken(input.name);
      }
      const scale = await tx.statusScale.create({
        data: {
          name: input.name,
          description: input.description?.trim() ? input.description : null,
          statuses: { create: input.statuses.map((status, position) => ({ ...status, position })) },
        },
        select: scaleSelect,
      });
      await recordAudit(tx, actor, { action: "scale.created", entityType: "StatusScale", entityId: scale.id, after: scale });
      return scale;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateScale(actor: ServiceActor, input: TUpdateScaleInput, locale: Locale = DEFAULT_LOCALE) {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      // Serialises edits of one scale, and holds off recommendations that would start using it
      // (they take a share lock) while statuses may be removed.
      const locked = await tx.$queryRaw<{ id: string }[]>(lockScaleSql(input.id, "update"));
      if (locked.length === 0) throw new DomainError("NOT_FOUND", "notFound.scale");
      const before = await tx.statusScale.findUniqueOrThrow({ where: { id: input.id }, select: scaleSelect });
      if (before.version !== input.expectedVersion) throw await staleVersionError(tx, "StatusScale", input.id);

      if (input.name !== undefined && input.name !== before.name) {
        const other = await tx.statusScale.findUnique({ where: { name: input.name }, select: { id: true } });
        if (other) throw nameTaken(input.name);
      }
      await tx.statusScale.update({
        where: { id: input.id },
        data: {
          name: input.name,
          description: input.description === undefined ? undefined : input.description?.trim() ? input.description : null,
          version: { increment: 1 },
        },
      });

      if (input.statuses) await replaceStatuses(tx, before, input.statuses, locale);

      const after = await tx.statusScale.findUniqueOrThrow({ where: { id: input.id }, select: scaleSelect });
      await recordAudit(tx, actor, { action: "scale.updated", entityType: "StatusScale", entityId: after.id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.name !== undefined) throw nameTaken(input.name);
    throw error;
  }
}

type ExistingScale = { id: string; statuses: { id: string; key: string; label: string }[] };

/** Refuses the removal of statuses that commitments hold, naming them in the reader's language. */
async function refuseHeldRemovals(tx: Tx, scaleId: string, removed: ExistingScale["statuses"], locale: Locale) {
  if (removed.length === 0) return;
  const held = await heldStatusIds(tx, scaleId, removed.map((status) => status.id));
  const refused = removed.filter((status) => held.has(status.id));
  if (refused.length === 0) return;
  const labels = await referenceLabelsFor(locale);
  const statuses = new Intl.ListFormat(locale, { type: "conjunction" }).format(refused.map((status) => labels.status(status)));
  const values = { statuses, count: refused.length };
  throw new DomainError("BAD_REQUEST", { key: "scales.inUse", values }, { fieldErrors: { statuses: [validationMessage("scales.cannotRemove", values)] } });
}

async function replaceStatuses(tx: Tx, scale: ExistingScale, statuses: NonNullable<TUpdateScaleInput["statuses"]>, locale: Locale) {
  const wanted = new Set(statuses.map((status) => status.key));
  const removed = scale.statuses.filter((status) => !wanted.has(status.key));
  await refuseHeldRemovals(tx, scale.id, removed, locale);
  if (removed.length > 0) {
    await tx.scaleStatus.deleteMany({ where: { id: { in: removed.map((status) => status.id) } } });
  }
  await tx.scaleStatus.updateMany({ where: { scaleId: scale.id }, data: { position: { increment: POSITION_SHIFT } } });

  const existingByKey = new Map(scale.statuses.map((status) => [status.key, status]));
  const added: Prisma.ScaleStatusCreateManyInput[] = [];
  for (const [position, status] of statuses.entries()) {
    const existing = existingByKey.get(status.key);
    if (!existing) {
      added.push({ ...status, scaleId: scale.id, position });
      continue;
    }
    // At most MAX_SCALE_STATUSES rows, each with its own values: one statement per status is fine.
    await tx.scaleStatus.update({
      where: { id: existing.id },
      data: {
        label: status.label,
        defaultProgress: status.defaultProgress,
        countsTowardsAverage: status.countsTowardsAverage,
        odihrLevel: status.odihrLevel,
        position,
      },
    });
  }
  if (added.length > 0) await tx.scaleStatus.createMany({ data: added });
}
