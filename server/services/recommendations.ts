import { escapeLike } from "@/server/services/core/text-search";
import { assertAdmin, assertSecretariat } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { z } from "zod";
import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { recommendationScope } from "@/server/services/access";
import { recordAudit, recordAuditMany } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { REFERENCE_MAX, recommendationMessages } from "@/server/schemas/recommendations";
import { zText } from "@/server/schemas/common";
import { scaleStatusSelect } from "@/server/services/scales";
import { staleVersionError } from "@/server/services/sources";
import type {
  TAddAddresseesInput,
  TCreateRecommendationInput,
  TCreateThemeInput,
  TDeleteRecommendationInput,
  TGetRecommendationInput,
  TListRecommendationsInput,
  TPublishRecommendationInput,
  TUpdateRecommendationInput,
} from "@/server/schemas/recommendations";

export const themeSelect = { id: true, key: true, label: true, sortOrder: true } as const;

export const recommendationSummarySelect = {
  id: true,
  reference: true,
  text: true,
  status: true,
  addressAllParticipating: true,
  dueDate: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  source: { select: { id: true, title: true, kind: true, date: true } },
  themes: { select: themeSelect, orderBy: { sortOrder: "asc" } },
  _count: { select: { commitments: true, addressees: true } },
} as const;

export const recommendationDetailSelect = {
  ...recommendationSummarySelect,
  addressees: {
    select: { state: { select: { id: true, name: true, iso2: true, kind: true } } },
    orderBy: { state: { name: "asc" } },
  },
  scale: { select: { id: true, name: true, statuses: { select: scaleStatusSelect, orderBy: { position: "asc" } } } },
} as const;

/** What the audit trail keeps of a recommendation, before and after a change. */
const recommendationAuditSelect = {
  id: true,
  sourceId: true,
  reference: true,
  text: true,
  status: true,
  scaleId: true,
  dueDate: true,
  addressAllParticipating: true,
  publishedAt: true,
  version: true,
  themes: { select: { key: true }, orderBy: { key: "asc" } },
  addressees: { select: { stateId: true }, orderBy: { stateId: "asc" } },
} as const;

const PUBLISHED_IS_FINAL = "Published recommendations cannot be edited.";

function toDate(value: string) {
  return new Date(`${value}T00:00:00Z`);
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function referenceTaken(reference: string) {
  return new DomainError("CONFLICT", `The reference "${reference}" is already used in this source.`, {
    fieldErrors: { reference: ["This reference is already used in this source"] },
  });
}

function auditSnapshot(tx: Tx, id: string) {
  return tx.recommendation.findUniqueOrThrow({ where: { id }, select: recommendationAuditSelect });
}

// ---------------------------------------------------------------------------------------------
// Themes

export async function listThemes(_actor: Actor) {
  return db.theme.findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], take: 500, select: themeSelect });
}

export async function createTheme(actor: ServiceActor, input: TCreateThemeInput) {
  assertAdmin(actor);
  const duplicate = () =>
    new DomainError("CONFLICT", "A theme with this key or label already exists.", {
      fieldErrors: { key: ["A theme with this key or label already exists"], label: ["A theme with this key or label already exists"] },
    });
  try {
    return await db.$transaction(async (tx) => {
      // One connection per transaction: queries run one after the other.
      const byKey = await tx.theme.findUnique({ where: { key: input.key }, select: { id: true } });
      const byLabel = await tx.theme.findFirst({ where: { label: { equals: input.label, mode: "insensitive" } }, select: { id: true } });
      const fieldErrors: Record<string, string[]> = {};
      if (byKey) fieldErrors.key = ["A theme with this key already exists"];
      if (byLabel) fieldErrors.label = ["A theme with this label already exists"];
      if (byKey || byLabel) throw new DomainError("CONFLICT", "A theme with this key or label already exists.", { fieldErrors });

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

// ---------------------------------------------------------------------------------------------
// Reading

const ZCursor = z.strictObject({ r: zText(REFERENCE_MAX), i: z.uuid() });

function encodeCursor(row: { reference: string; id: string }) {
  return Buffer.from(JSON.stringify({ r: row.reference, i: row.id }), "utf8").toString("base64url");
}

/** The cursor carries the last row's sort key itself, so it never looks up a row out of scope. */
function decodeCursor(cursor: string) {
  try {
    return ZCursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new DomainError("BAD_REQUEST", "Invalid page cursor.", { fieldErrors: { cursor: ["Invalid page cursor"] } });
  }
}

export async function listRecommendations(actor: Actor, input: TListRecommendationsInput) {
  const limit = input?.limit ?? 50;
  const filters: Prisma.RecommendationWhereInput[] = [recommendationScope(actor)];
  if (input?.sourceId) filters.push({ sourceId: input.sourceId });
  if (input?.status) filters.push({ status: input.status });
  if (input?.themeKey) filters.push({ themes: { some: { key: input.themeKey } } });
  if (input?.search) {
    filters.push({
      OR: [
        { reference: { contains: escapeLike(input.search), mode: "insensitive" } },
        { text: { contains: escapeLike(input.search), mode: "insensitive" } },
      ],
    });
  }
  if (input?.cursor) {
    const after = decodeCursor(input.cursor);
    filters.push({ OR: [{ reference: { gt: after.r } }, { reference: after.r, id: { gt: after.i } }] });
  }
  const rows = await db.recommendation.findMany({
    where: { AND: filters },
    orderBy: [{ reference: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: recommendationSummarySelect,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function getRecommendation(actor: Actor, input: TGetRecommendationInput) {
  const recommendation = await db.recommendation.findFirst({
    where: { AND: [{ id: input.id }, recommendationScope(actor)] },
    select: recommendationDetailSelect,
  });
  if (!recommendation) throw new DomainError("NOT_FOUND", "Recommendation not found");
  return recommendation;
}

// ---------------------------------------------------------------------------------------------
// Drafting

async function resolveThemeIds(tx: Tx, keys: string[]) {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const themes = await tx.theme.findMany({ where: { key: { in: unique } }, select: { id: true, key: true } });
  const unknown = unique.filter((key) => !themes.some((theme) => theme.key === key));
  if (unknown.length > 0) {
    throw new DomainError("BAD_REQUEST", `Unknown theme: ${unknown.join(", ")}.`, {
      fieldErrors: { themeKeys: [`Unknown theme: ${unknown.join(", ")}`] },
    });
  }
  return themes.map((theme) => ({ id: theme.id }));
}

async function resolveStateIds(tx: Tx, stateIds: string[], field: string) {
  const unique = [...new Set(stateIds)];
  if (unique.length === 0) return [];
  const states = await tx.state.findMany({ where: { id: { in: unique } }, select: { id: true } });
  if (states.length !== unique.length) {
    throw new DomainError("BAD_REQUEST", "Unknown State.", { fieldErrors: { [field]: ["One or more chosen States do not exist"] } });
  }
  return unique;
}

/** The chosen scale, or the default one; a share lock keeps its statuses while it comes into use. */
async function resolveScaleId(tx: Tx, scaleId: string | undefined) {
  const scale = scaleId
    ? await tx.statusScale.findUnique({ where: { id: scaleId }, select: { id: true } })
    : await tx.statusScale.findFirst({ where: { isDefault: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!scale) {
    throw new DomainError("BAD_REQUEST", scaleId ? "Unknown status scale." : "There is no default status scale.", {
      fieldErrors: { scaleId: [scaleId ? "Unknown status scale" : "Choose a status scale"] },
    });
  }
  await tx.$queryRaw`SELECT "id" FROM "StatusScale" WHERE "id" = ${scale.id}::uuid FOR SHARE`;
  return scale.id;
}

export async function createRecommendation(actor: ServiceActor, input: TCreateRecommendationInput) {
  assertSecretariat(actor);
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
      if (!source) throw new DomainError("BAD_REQUEST", "Unknown source.", { fieldErrors: { sourceId: ["Unknown source"] } });
      const existing = await tx.recommendation.findUnique({
        where: { sourceId_reference: { sourceId: source.id, reference: input.reference } },
        select: { id: true },
      });
      if (existing) throw referenceTaken(input.reference);
      const themes = await resolveThemeIds(tx, input.themeKeys);
      const addresseeIds = await resolveStateIds(tx, input.addresseeStateIds, "addresseeStateIds");
      const scaleId = await resolveScaleId(tx, input.scaleId);

      const created = await tx.recommendation.create({
        data: {
          sourceId: source.id,
          reference: input.reference,
          text: input.text,
          scaleId,
          dueDate: input.dueDate ? toDate(input.dueDate) : null,
          addressAllParticipating: input.addressAllParticipating,
          themes: { connect: themes },
          addressees: { createMany: { data: addresseeIds.map((stateId) => ({ stateId })) } },
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "recommendation.created",
        entityType: "Recommendation",
        entityId: created.id,
        after: await auditSnapshot(tx, created.id),
      });
      return tx.recommendation.findUniqueOrThrow({ where: { id: created.id }, select: recommendationDetailSelect });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw referenceTaken(input.reference);
    throw error;
  }
}

/**
 * After a guarded write matched no row, says why: gone, changed since it was read, or published
 * (publishing bumps the version, so a stale editor learns of it as a conflict).
 */
async function explainMissedWrite(tx: Tx, id: string, expectedVersion: number): Promise<DomainError> {
  const current = await tx.recommendation.findUnique({ where: { id }, select: { version: true, status: true } });
  if (!current) return new DomainError("NOT_FOUND", "Recommendation not found");
  if (current.version !== expectedVersion) return staleVersionError(tx, "Recommendation", id, "recommendation");
  return new DomainError("BAD_REQUEST", PUBLISHED_IS_FINAL);
}

export async function updateRecommendation(actor: ServiceActor, input: TUpdateRecommendationInput) {
  assertSecretariat(actor);
  const current = await db.recommendation.findUnique({ where: { id: input.id }, select: { sourceId: true, status: true } });
  if (!current) throw new DomainError("NOT_FOUND", "Recommendation not found");
  if (current.status !== "DRAFT") throw new DomainError("BAD_REQUEST", PUBLISHED_IS_FINAL);
  try {
    return await db.$transaction(async (tx) => {
      const before = await auditSnapshot(tx, input.id);
      if (input.reference !== undefined && input.reference !== before.reference) {
        const other = await tx.recommendation.findUnique({
          where: { sourceId_reference: { sourceId: current.sourceId, reference: input.reference } },
          select: { id: true },
        });
        if (other) throw referenceTaken(input.reference);
      }
      const themes = input.themeKeys === undefined ? undefined : await resolveThemeIds(tx, input.themeKeys);
      const addresseeIds =
        input.addresseeStateIds === undefined ? undefined : await resolveStateIds(tx, input.addresseeStateIds, "addresseeStateIds");
      const scaleId = input.scaleId === undefined ? undefined : await resolveScaleId(tx, input.scaleId);

      const { count } = await tx.recommendation.updateMany({
        where: { id: input.id, version: input.expectedVersion, status: "DRAFT" },
        data: {
          reference: input.reference,
          text: input.text,
          scaleId,
          dueDate: input.dueDate === undefined ? undefined : input.dueDate === null ? null : toDate(input.dueDate),
          addressAllParticipating: input.addressAllParticipating,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await explainMissedWrite(tx, input.id, input.expectedVersion);

      if (themes !== undefined) {
        await tx.recommendation.update({ where: { id: input.id }, data: { themes: { set: themes } } });
      }
      if (addresseeIds !== undefined) {
        await tx.recommendationAddressee.deleteMany({ where: { recommendationId: input.id } });
        await tx.recommendationAddressee.createMany({
          data: addresseeIds.map((stateId) => ({ recommendationId: input.id, stateId })),
        });
      }
      const after = await auditSnapshot(tx, input.id);
      if (!after.addressAllParticipating && after.addressees.length === 0) {
        throw new DomainError("BAD_REQUEST", "Address the recommendation to at least one State.", {
          fieldErrors: { addresseeStateIds: [recommendationMessages.addressSomeone] },
        });
      }
      await recordAudit(tx, actor, { action: "recommendation.updated", entityType: "Recommendation", entityId: input.id, before, after });
      return tx.recommendation.findUniqueOrThrow({ where: { id: input.id }, select: recommendationDetailSelect });
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.reference !== undefined) throw referenceTaken(input.reference);
    throw error;
  }
}

export async function deleteRecommendation(actor: ServiceActor, input: TDeleteRecommendationInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.recommendation.findUnique({ where: { id: input.id }, select: recommendationAuditSelect });
    if (!before) throw new DomainError("NOT_FOUND", "Recommendation not found");
    if (before.status !== "DRAFT") throw new DomainError("BAD_REQUEST", "Published recommendations cannot be deleted.");
    const { count } = await tx.recommendation.deleteMany({
      where: { id: input.id, version: input.expectedVersion, status: "DRAFT" },
    });
    if (count === 0) throw await explainMissedWrite(tx, input.id, input.expectedVersion);
    await recordAudit(tx, actor, { action: "recommendation.deleted", entityType: "Recommendation", entityId: input.id, before });
    return { id: input.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Publishing: one commitment per addressed State

/**
 * Creates the missing commitments of a published recommendation, set-based: one INSERT for the
 * commitments and one for their initial status rows (the start of "status as of date D"), and one
 * for their audit events. Every State addressed (all participating States when so marked, plus
 * the chosen ones) that has no commitment yet gets one, voluntary for Partners for Co-operation.
 */
async function createMissingCommitments(
  tx: Tx,
  actor: ServiceActor,
  recommendation: { id: string; scaleId: string; dueDate: Date | null; addressAllParticipating: boolean },
  effectiveAt: Date,
) {
  const firstStatus = await tx.scaleStatus.findFirst({
    where: { scaleId: recommendation.scaleId },
    orderBy: { position: "asc" },
    select: { id: true, defaultProgress: true },
  });
  if (!firstStatus) throw new DomainError("BAD_REQUEST", "The recommendation's status scale has no statuses.");

  const addressed: Prisma.StateWhereInput[] = [{ addressedBy: { some: { recommendationId: recommendation.id } } }];
  if (recommendation.addressAllParticipating) addressed.push({ kind: "PARTICIPATING" });
  const states = await tx.state.findMany({
    where: { OR: addressed, commitments: { none: { recommendationId: recommendation.id } } },
    select: { id: true, kind: true },
    orderBy: { name: "asc" },
  });
  if (states.length === 0) return [];

  const commitments = await tx.commitment.createManyAndReturn({
    data: states.map((state) => ({
      recommendationId: recommendation.id,
      stateId: state.id,
      voluntary: state.kind === "PARTNER",
      acceptedStatusId: firstStatus.id,
      acceptedProgress: firstStatus.defaultProgress,
      dueDate: recommendation.dueDate,
    })),
    // The (recommendationId, stateId) unique index is the last word if two requests race.
    skipDuplicates: true,
    select: { id: true, stateId: true, voluntary: true, acceptedStatusId: true, acceptedProgress: true, dueDate: true },
  });
  const changedById = actor.kind === "user" ? actor.id : null;
  await tx.commitmentStatusChange.createMany({
    data: commitments.map((commitment) => ({
      commitmentId: commitment.id,
      statusId: firstStatus.id,
      progress: firstStatus.defaultProgress,
      effectiveAt,
      updateId: null,
      changedById,
    })),
  });
  await recordAuditMany(
    tx,
    actor,
    commitments.map((commitment) => ({
      action: "commitment.created",
      entityType: "Commitment",
      entityId: commitment.id,
      after: { recommendationId: recommendation.id, ...commitment },
    })),
  );
  return commitments;
}

/**
 * Publishes a draft and creates every addressed State's commitment, all in one transaction.
 * Publishing a recommendation that is already published changes nothing and answers
 * `{ created: 0 }` (a repeated click or a re-run seed is harmless). `actor` null is the system.
 */
export async function publishRecommendation(actor: ServiceActor, input: TPublishRecommendationInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const publishedAt = new Date();
    const { count } = await tx.recommendation.updateMany({
      where: { id: input.recommendationId, version: input.expectedVersion, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { status: true } });
      if (!current) throw new DomainError("NOT_FOUND", "Recommendation not found");
      if (current.status === "PUBLISHED") {
        return { created: 0, total: await tx.commitment.count({ where: { recommendationId: input.recommendationId } }) };
      }
      throw await staleVersionError(tx, "Recommendation", input.recommendationId, "recommendation");
    }
    const recommendation = await tx.recommendation.findUniqueOrThrow({
      where: { id: input.recommendationId },
      select: { id: true, scaleId: true, dueDate: true, addressAllParticipating: true },
    });
    const commitments = await createMissingCommitments(tx, actor, recommendation, publishedAt);
    await recordAudit(tx, actor, {
      action: "recommendation.published",
      entityType: "Recommendation",
      entityId: recommendation.id,
      before: { status: "DRAFT", version: input.expectedVersion },
      after: { status: "PUBLISHED", publishedAt, created: commitments.length, stateIds: commitments.map((c) => c.stateId) },
    });
    const total = await tx.commitment.count({ where: { recommendationId: recommendation.id } });
    return { created: commitments.length, total };
  });
}

/**
 * Addresses more States. On a published recommendation each new State gets its commitment at
 * once, in the same transaction; States already addressed are left as they are.
 */
export async function addAddressees(actor: ServiceActor, input: TAddAddresseesInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const stateIds = await resolveStateIds(tx, input.stateIds, "stateIds");
    const { count } = await tx.recommendation.updateMany({
      where: { id: input.recommendationId, version: input.expectedVersion },
      data: { version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true } });
      if (!exists) throw new DomainError("NOT_FOUND", "Recommendation not found");
      throw await staleVersionError(tx, "Recommendation", input.recommendationId, "recommendation");
    }
    const recommendation = await tx.recommendation.findUniqueOrThrow({
      where: { id: input.recommendationId },
      select: { id: true, status: true, scaleId: true, dueDate: true, addressAllParticipating: true },
    });
    const { count: added } = await tx.recommendationAddressee.createMany({
      data: stateIds.map((stateId) => ({ recommendationId: recommendation.id, stateId })),
      skipDuplicates: true,
    });
    const commitments =
      recommendation.status === "PUBLISHED" ? await createMissingCommitments(tx, actor, recommendation, new Date()) : [];
    await recordAudit(tx, actor, {
      action: "recommendation.addressees_added",
      entityType: "Recommendation",
      entityId: recommendation.id,
      after: { stateIds, added, created: commitments.length, createdStateIds: commitments.map((c) => c.stateId) },
    });
    return { created: commitments.length };
  });
}
