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
import type { Tx } from "@/server/db/client";
import { chooseVersion, languageOf, nonBlank, refuseOriginalLanguage, translationFor } from "@/server/services/core/content-language";
import type { TSourceTranslations } from "@/server/schemas/translations";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
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
  language: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  translations: { select: { locale: true, title: true, description: true }, orderBy: { locale: "asc" } },
} as const;

type SourceTranslationRow = { locale: string; title: string; description?: string | null };

/** A source named beside a recommendation: its title in the reader's language when translated. */
export function sourceReferenceSelect(locale: Locale) {
  return {
    id: true,
    title: true,
    kind: true,
    date: true,
    language: true,
    translations: { select: { locale: true, title: true }, ...translationFor(locale) },
  } as const;
}

function readerTitle(row: { title: string; language: string; translations: SourceTranslationRow[] }, locale: Locale) {
  const translation = row.translations.find((item) => item.locale === locale);
  const shown = chooseVersion(row.title, row.language, translation?.title, locale);
  return { translation, title: shown.value, titleLang: shown.lang, isFallback: shown.isFallback };
}

export function presentSourceReference<T extends { title: string; language: string; translations: SourceTranslationRow[] }>(row: T, locale: Locale) {
  const { translations: _translations, ...rest } = row;
  const { translation: _translation, ...title } = readerTitle(row, locale);
  return { ...rest, ...title, language: languageOf(row.language) };
}

/**
 * A source for a reader: title and description in their language when translated (a translation
 * without a description shows the original's, with its language); the originals and every
 * translation for the secretariat's form.
 */
function presentSource<T extends { title: string; description: string | null; language: string; translations: SourceTranslationRow[] }>(
  row: T,
  locale: Locale,
) {
  const { translation, ...title } = readerTitle(row, locale);
  const description = chooseVersion(row.description, row.language, translation?.description ?? undefined, locale);
  return {
    ...row,
    ...title,
    description: description.value,
    descriptionLang: description.lang,
    language: languageOf(row.language),
    originalTitle: row.title,
    originalDescription: row.description,
  };
}

/** Replaces a source's translations with the given set (blank ones dropped). */
async function replaceSourceTranslations(tx: Tx, sourceId: string, language: string, translations: TSourceTranslations) {
  const kept = nonBlank(translations, (item) => item.title);
  refuseOriginalLanguage(kept, language, "translations");
  await tx.sourceTranslation.deleteMany({ where: { sourceId } });
  await tx.sourceTranslation.createMany({
    data: kept.map((item) => ({ sourceId, locale: item.locale, title: item.title.trim(), description: toNullable(item.description) ?? null })),
  });
}

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

export async function listSources(actor: Actor, input: TListSourcesInput, locale: Locale = DEFAULT_LOCALE) {
  const filters: Prisma.SourceWhereInput[] = [sourceScope(actor)];
  if (input?.kind) filters.push({ kind: input.kind });
  if (input?.search) {
    const contains = { contains: escapeLike(input.search), mode: "insensitive" } as const;
    filters.push({ OR: [{ title: contains }, { translations: { some: { title: contains } } }] });
  }
  const rows = await db.source.findMany({
    where: { AND: filters },
    orderBy: [{ date: "desc" }, { id: "asc" }],
    // Bounded: sources are few (one per conference or cycle), but a list is never unbounded.
    take: 500,
    select: {
      ...sourceSummarySelect,
      _count: { select: { recommendations: { where: recommendationScope(actor) } } },
    },
  });
  return rows.map((row) => presentSource(row, locale));
}

export async function getSource(actor: Actor, input: TGetSourceInput, locale: Locale = DEFAULT_LOCALE) {
  const source = await db.source.findFirst({
    where: { AND: [{ id: input.id }, sourceScope(actor)] },
    select: {
      ...sourceSummarySelect,
      _count: { select: { recommendations: { where: recommendationScope(actor) } } },
    },
  });
  if (!source) throw new DomainError("NOT_FOUND", "notFound.source");
  // The drafts waiting to be published: the secretariat's to see (others see published ones only).
  const drafts = isSecretariat(actor) ? await db.recommendation.count({ where: { sourceId: source.id, publication: "DRAFT" } }) : 0;
  return { ...presentSource(source, locale), drafts };
}

export async function createSource(actor: ServiceActor, input: TCreateSourceInput, locale: Locale = DEFAULT_LOCALE) {
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
      select: { id: true, language: true },
    });
    await replaceSourceTranslations(tx, source.id, source.language, input.translations);
    const after = await tx.source.findUniqueOrThrow({ where: { id: source.id }, select: sourceSummarySelect });
    await recordAudit(tx, actor, { action: "source.created", entityType: "Source", entityId: source.id, after });
    return presentSource(after, locale);
  });
}

export async function updateSource(actor: ServiceActor, input: TUpdateSourceInput, locale: Locale = DEFAULT_LOCALE) {
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
    if (input.translations !== undefined) await replaceSourceTranslations(tx, input.id, before.language, input.translations);
    const after = await tx.source.findUniqueOrThrow({ where: { id: input.id }, select: sourceSummarySelect });
    await recordAudit(tx, actor, { action: "source.updated", entityType: "Source", entityId: after.id, before, after });
    return presentSource(after, locale);
  });
}
