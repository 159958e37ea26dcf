import "server-only";
import { escapeLike } from "@/server/services/core/text-search";
import { assertSecretariat } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat, recommendationScope } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { staleVersionError } from "@/server/services/core/conflict";
import { startOfDayUtc } from "@/server/services/core/dates";
import type {
  TCreateSourceInput,
  TGetSourceInput,
  TListSourcesInput,
  TUpdateSourceInput,
} from "@/server/schemas/sources";

export const sourceSummarySelect = {
  id: true,
  title: true,
  kind: true,
  date: true,
  location: true,
  link: true,
  description: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

/**
 * Sources the actor may see: the secretariat sees all; everyone else only sources with at least
 * one published recommendation, so a source being prepared stays private.
 */
function sourceScope(actor: Actor): Prisma.SourceWhereInput {
  if (isSecretariat(actor)) return {};
  return { recommendations: { some: recommendationScope(actor) } };
}

/** Empty optional text is stored as null, so "cleared" has one representation. */
function toNullable(value: string | null | undefined) {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : value;
}

export async function listSources(actor: Actor, input: TListSourcesInput) {
  const filters: Prisma.SourceWhereInput[] = [sourceScope(actor)];
  if (input?.kind) filters.push({ kind: input.kind });
  if (input?.search) filters.push({ title: { contains: escapeLike(input.search), mode: "insensitive" } });
  return db.source.findMany({
    where: { AND: filters },
    orderBy: [{ date: "desc" }, { id: "asc" }],
    // Bounded: sources are few (one per conference or cycle), but a list is never unbounded.
    take: 500,
    select: {
      ...sourceSummarySelect,
      _count: { select: { recommendations: { where: recommendationScope(actor) } } },
    },
  });
}

export async function getSource(actor: Actor, input: TGetSourceInput) {
  const source = await db.source.findFirst({
    where: { AND: [{ id: input.id }, sourceScope(actor)] },
    select: {
      ...sourceSummarySelect,
      _count: { select: { recommendations: { where: recommendationScope(actor) } } },
    },
  });
  if (!source) throw new DomainError("NOT_FOUND", "notFound.source");
  return source;
}

export async function createSource(actor: ServiceActor, input: TCreateSourceInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const source = await tx.source.create({
      data: {
        title: input.title,
        kind: input.kind,
        date: startOfDayUtc(input.date),
        location: toNullable(input.location) ?? null,
        link: toNullable(input.link) ?? null,
        description: toNullable(input.description) ?? null,
      },
      select: sourceSummarySelect,
    });
    await recordAudit(tx, actor, { action: "source.created", entityType: "Source", entityId: source.id, after: source });
    return source;
  });
}

export async function updateSource(actor: ServiceActor, input: TUpdateSourceInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id: input.id }, select: sourceSummarySelect });
    if (!before) throw new DomainError("NOT_FOUND", "notFound.source");
    const { count } = await tx.source.updateMany({
      where: { id: input.id, version: input.expectedVersion },
      data: {
        title: input.title,
        kind: input.kind,
        date: input.date === undefined ? undefined : startOfDayUtc(input.date),
        location: toNullable(input.location),
        link: toNullable(input.link),
        description: toNullable(input.description),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await staleVersionError(tx, "Source", input.id);
    const after = await tx.source.findUniqueOrThrow({ where: { id: input.id }, select: sourceSummarySelect });
    await recordAudit(tx, actor, { action: "source.updated", entityType: "Source", entityId: after.id, before, after });
    return after;
  });
}
