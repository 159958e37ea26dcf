import "server-only";
import { assertAdmin } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { lockScaleSql } from "@/server/services/scales.sql";
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

/** Whether any recommendation (draft or published) uses the scale: its statuses are then fixed. */
async function isScaleInUse(tx: Tx, scaleId: string) {
  return (await tx.recommendation.count({ where: { scaleId }, take: 1 })) > 0;
}

export async function listScales(_actor: Actor) {
  // Scales are reference data: everyone may read them, to understand the statuses shown.
  return db.statusScale.findMany({ orderBy: [{ isDefault: "desc" }, { name: "asc" }], take: 200, select: scaleSelect });
}

export async function getScale(actor: Actor, input: TGetScaleInput) {
  const scale = await db.statusScale.findUnique({ where: { id: input.id }, select: scaleSelect });
  if (!scale) throw new DomainError("NOT_FOUND", "notFound.scale");
  // Only the secretariat edits scales, so only they need to know whether statuses can be removed.
  const inUse = isSecretariat(actor) ? await isScaleInUse(db, scale.id) : null;
  return { ...scale, inUse };
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

export async function updateScale(actor: ServiceActor, input: TUpdateScaleInput) {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      // Serialises edits of one scale, and holds off recommendations that would start using it
      // (they take a share lock) while statuses may be removed.
      const locked = await tx.$queryRaw<{ id: string }[]>(lockScaleSql(input.id, "update"));
      if (locked.length === 0) throw new DomainError("NOT_FOUND", "notFound.scale");
      const before = await tx.statusScale.findUniqueOrThrow({ where: { id: input.id }, select: scaleSelect });

      if (input.name !== undefined && input.name !== before.name) {
        const other = await tx.statusScale.findUnique({ where: { name: input.name }, select: { id: true } });
        if (other) throw nameTaken(input.name);
      }
      await tx.statusScale.update({
        where: { id: input.id },
        data: {
          name: input.name,
          description: input.description === undefined ? undefined : input.description?.trim() ? input.description : null,
        },
      });

      if (input.statuses) await replaceStatuses(tx, before, input.statuses);

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

async function replaceStatuses(tx: Tx, scale: ExistingScale, statuses: NonNullable<TUpdateScaleInput["statuses"]>) {
  const wanted = new Set(statuses.map((status) => status.key));
  const removed = scale.statuses.filter((status) => !wanted.has(status.key));
  if (removed.length > 0 && (await isScaleInUse(tx, scale.id))) {
    const names = removed.map((status) => `"${status.label}" (${status.key})`).join(", ");
    throw new DomainError(
      "BAD_REQUEST",
      { key: "scales.inUse", values: { statuses: names } },
      { fieldErrors: { statuses: [validationMessage("scales.cannotRemove", { statuses: names })] } },
    );
  }
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
