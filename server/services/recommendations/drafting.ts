import "server-only";
import type { Tx } from "@/server/db/client";
import { db } from "@/server/db/client";
import { recordAudit } from "@/server/services/audit";
import { staleVersionError } from "@/server/services/core/conflict";
import { startOfDayUtc } from "@/server/services/core/dates";
import { assertSecretariat } from "@/server/services/core/permissions";
import type { ServiceActor } from "@/server/services/core/system-actor";
import { isUniqueViolation } from "@/server/services/core/unique-violation";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { presentDetail, recommendationDetailSelect } from "@/server/services/recommendations/reading";
import { withThemes } from "@/server/services/recommendations/themes";
import { uprFieldsSelect } from "@/server/services/recommendations/reading";
import { nonBlank, refuseOriginalLanguage } from "@/server/services/core/content-language";
import type { TRecommendationTranslations, TSaveRecommendationTranslationsInput } from "@/server/schemas/translations";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { lockScaleSql } from "@/server/services/scales.sql";
import { recommendationMessages } from "@/server/schemas/recommendations";
import type { TCreateRecommendationInput, TDeleteRecommendationInput, TUpdateRecommendationInput } from "@/server/schemas/recommendations";

// Drafting recommendations: the secretariat creates, edits and deletes drafts; a published
// recommendation is final (see publishing.ts).

/** What the audit trail keeps of a recommendation, before and after a change. */
export const recommendationAuditSelect = {
  id: true,
  sourceId: true,
  reference: true,
  text: true,
  language: true,
  translations: { select: { locale: true, text: true }, orderBy: { locale: "asc" } },
  publication: true,
  scaleId: true,
  dueDate: true,
  addressAllParticipating: true,
  publishedAt: true,
  ...uprFieldsSelect,
  version: true,
  themes: { select: { theme: { select: { key: true } } }, orderBy: { theme: { key: "asc" as const } } },
  addressees: { select: { stateId: true }, orderBy: { stateId: "asc" } },
} as const;

const PUBLISHED_IS_FINAL = "recommendations.publishedIsFinal";

function referenceTaken(reference: string) {
  return new DomainError("CONFLICT", { key: "conflict.referenceTaken", values: { reference } }, {
    fieldErrors: { reference: [validationMessage("recommendations.referenceTaken")] },
  });
}

async function auditSnapshot(tx: Tx, id: string) {
  return withThemes(await tx.recommendation.findUniqueOrThrow({ where: { id }, select: recommendationAuditSelect }));
}

/** The recommendation as the API answers it after a change. */
async function detail(tx: Tx, id: string, locale: Locale) {
  return presentDetail(await tx.recommendation.findUniqueOrThrow({ where: { id }, select: recommendationDetailSelect(locale) }), locale);
}

/** Replaces a recommendation's translations with the given set (blank ones dropped). */
async function replaceTranslations(tx: Tx, recommendationId: string, language: string, translations: TRecommendationTranslations) {
  const kept = nonBlank(translations, (item) => item.text);
  refuseOriginalLanguage(kept, language, "translations");
  await tx.recommendationTranslation.deleteMany({ where: { recommendationId } });
  await tx.recommendationTranslation.createMany({ data: kept.map((item) => ({ recommendationId, locale: item.locale, text: item.text })) });
}

async function resolveThemeIds(tx: Tx, keys: string[]) {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const themes = await tx.theme.findMany({ where: { key: { in: unique } }, select: { id: true, key: true } });
  const unknown = unique.filter((key) => !themes.some((theme) => theme.key === key));
  if (unknown.length > 0) {
    throw new DomainError("BAD_REQUEST", { key: "recommendations.unknownThemes", values: { themes: unknown.join(", ") } }, {
      fieldErrors: { themeKeys: [validationMessage("recommendations.unknownThemes", { themes: unknown.join(", ") })] },
    });
  }
  return themes.map((theme) => theme.id);
}

export async function resolveStateIds(tx: Tx, stateIds: string[], field: string) {
  const unique = [...new Set(stateIds)];
  if (unique.length === 0) return [];
  const states = await tx.state.findMany({ where: { id: { in: unique } }, select: { id: true } });
  if (states.length !== unique.length) {
    throw new DomainError("BAD_REQUEST", "recommendations.unknownState", { fieldErrors: { [field]: [validationMessage("recommendations.unknownStates")] } });
  }
  return unique;
}

/** The chosen scale, or the default one; a share lock keeps its statuses while it comes into use. */
export async function resolveScaleId(tx: Tx, scaleId: string | undefined) {
  const scale = scaleId
    ? await tx.statusScale.findUnique({ where: { id: scaleId }, select: { id: true } })
    : await tx.statusScale.findFirst({ where: { isDefault: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!scale) {
    throw new DomainError("BAD_REQUEST", scaleId ? "recommendations.unknownScale" : "recommendations.noDefaultScale", {
      fieldErrors: { scaleId: [validationMessage(scaleId ? "recommendations.unknownScale" : "recommendations.chooseScale")] },
    });
  }
  await tx.$queryRaw(lockScaleSql(scale.id, "share"));
  return scale.id;
}

export async function createRecommendation(actor: ServiceActor, input: TCreateRecommendationInput, locale: Locale = DEFAULT_LOCALE) {
  assertSecretariat(actor);
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
      if (!source) throw new DomainError("BAD_REQUEST", "recommendations.unknownSource", { fieldErrors: { sourceId: [validationMessage("recommendations.unknownSource")] } });
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
          dueDate: input.dueDate ? startOfDayUtc(input.dueDate) : null,
          addressAllParticipating: input.addressAllParticipating,
          themes: { createMany: { data: themes.map((themeId) => ({ themeId })) } },
          addressees: { createMany: { data: addresseeIds.map((stateId) => ({ stateId })) } },
        },
        select: { id: true, language: true },
      });
      await replaceTranslations(tx, created.id, created.language, input.translations);
      await recordAudit(tx, actor, {
        action: "recommendation.created",
        entityType: "Recommendation",
        entityId: created.id,
        after: await auditSnapshot(tx, created.id),
      });
      return detail(tx, created.id, locale);
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
  const current = await tx.recommendation.findUnique({ where: { id }, select: { version: true, publication: true } });
  if (!current) return new DomainError("NOT_FOUND", "notFound.recommendation");
  if (current.version !== expectedVersion) return staleVersionError(tx, "Recommendation", id);
  return new DomainError("BAD_REQUEST", PUBLISHED_IS_FINAL);
}

export async function updateRecommendation(actor: ServiceActor, input: TUpdateRecommendationInput, locale: Locale = DEFAULT_LOCALE) {
  assertSecretariat(actor);
  const current = await db.recommendation.findUnique({ where: { id: input.id }, select: { sourceId: true, publication: true } });
  if (!current) throw new DomainError("NOT_FOUND", "notFound.recommendation");
  if (current.publication !== "DRAFT") throw new DomainError("BAD_REQUEST", PUBLISHED_IS_FINAL);
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
        where: { id: input.id, version: input.expectedVersion, publication: "DRAFT" },
        data: {
          reference: input.reference,
          text: input.text,
          scaleId,
          dueDate: input.dueDate === undefined ? undefined : input.dueDate === null ? null : startOfDayUtc(input.dueDate),
          addressAllParticipating: input.addressAllParticipating,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await explainMissedWrite(tx, input.id, input.expectedVersion);

      if (input.translations !== undefined) await replaceTranslations(tx, input.id, before.language, input.translations);
      if (themes !== undefined) {
        await tx.recommendationTheme.deleteMany({ where: { recommendationId: input.id } });
        await tx.recommendationTheme.createMany({ data: themes.map((themeId) => ({ recommendationId: input.id, themeId })) });
      }
      if (addresseeIds !== undefined) {
        await tx.recommendationAddressee.deleteMany({ where: { recommendationId: input.id } });
        await tx.recommendationAddressee.createMany({
          data: addresseeIds.map((stateId) => ({ recommendationId: input.id, stateId })),
        });
      }
      const after = await auditSnapshot(tx, input.id);
      if (!after.addressAllParticipating && after.addressees.length === 0) {
        throw new DomainError("BAD_REQUEST", "recommendations.addressSomeone", {
          fieldErrors: { addresseeStateIds: [recommendationMessages.addressSomeone] },
        });
      }
      await recordAudit(tx, actor, { action: "recommendation.updated", entityType: "Recommendation", entityId: input.id, before, after });
      return detail(tx, input.id, locale);
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.reference !== undefined) throw referenceTaken(input.reference);
    throw error;
  }
}

export async function deleteRecommendation(actor: ServiceActor, input: TDeleteRecommendationInput) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.recommendation.findUnique({ where: { id: input.id }, select: recommendationAuditSelect });
    if (!row) throw new DomainError("NOT_FOUND", "notFound.recommendation");
    const before = withThemes(row);
    if (before.publication !== "DRAFT") throw new DomainError("BAD_REQUEST", "recommendations.publishedCannotBeDeleted");
    const { count } = await tx.recommendation.deleteMany({
      where: { id: input.id, version: input.expectedVersion, publication: "DRAFT" },
    });
    if (count === 0) throw await explainMissedWrite(tx, input.id, input.expectedVersion);
    await recordAudit(tx, actor, { action: "recommendation.deleted", entityType: "Recommendation", entityId: input.id, before });
    return { id: input.id };
  });
}

/**
 * Saves a recommendation's translations, draft or published (its text stays final once published,
 * the translations of it do not): the given set replaces the old one, version-checked and audited.
 */
export async function saveRecommendationTranslations(actor: ServiceActor, input: TSaveRecommendationTranslationsInput, locale: Locale = DEFAULT_LOCALE) {
  assertSecretariat(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.recommendation.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!row) throw new DomainError("NOT_FOUND", "notFound.recommendation");
    const before = await auditSnapshot(tx, input.id);
    const { count } = await tx.recommendation.updateMany({
      where: { id: input.id, version: input.expectedVersion },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw await staleVersionError(tx, "Recommendation", input.id);
    await replaceTranslations(tx, input.id, before.language, input.translations);
    const after = await auditSnapshot(tx, input.id);
    await recordAudit(tx, actor, { action: "recommendation.translated", entityType: "Recommendation", entityId: input.id, before, after });
    return detail(tx, input.id, locale);
  });
}
