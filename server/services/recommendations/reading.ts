import "server-only";
import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { recommendationScope } from "@/server/services/access";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import { escapeLike } from "@/server/services/core/text-search";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { themeSelect, themesOf, withThemes } from "@/server/services/recommendations/themes";
import { scaleStatusSelect } from "@/server/services/scales";
import { REFERENCE_MAX } from "@/server/schemas/recommendations";
import { chooseVersion, languageOf, translationFor } from "@/server/services/core/content-language";
import { presentSourceReference, sourceReferenceSelect } from "@/server/services/sources";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";
import { zText } from "@/server/schemas/common";
import type { TGetRecommendationInput, TListRecommendationsInput } from "@/server/schemas/recommendations";

// Reading recommendations: the list (keyset-paged by reference) and one recommendation, in the
// actor's scope (the public and focal points see published ones only).

const translationSelect = { select: { locale: true, text: true }, orderBy: { locale: "asc" as const } };

/** A recommendation's row for a reader: its translation into their language is read with it. */
export function recommendationSummarySelect(locale: Locale) {
  return {
    ...summaryFields,
    translations: { ...translationSelect, ...translationFor(locale) },
    source: { select: sourceReferenceSelect(locale) },
  } as const;
}

/** One recommendation with every translation (the secretariat edits them). */
export function recommendationDetailSelect(locale: Locale) {
  return { ...recommendationSummarySelect(locale), ...detailFields, translations: translationSelect } as const;
}

const summaryFields = {
  id: true,
  reference: true,
  text: true,
  language: true,
  publication: true,
  addressAllParticipating: true,
  dueDate: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  themes: themesOf(themeSelect),
  _count: { select: { commitments: true, addressees: true } },
} as const;

/** The UPR fields of a recommendation (empty for other sources). */
export const uprFieldsSelect = {
  uprSession: true,
  uprWgReport: true,
  uprThemeHeading: true,
  uprRecommendingStates: true,
  uprPosition: true,
  uprSourceOfPosition: true,
  uprGroupsOfPersons: true,
  uprSdgs: true,
} as const;

const detailFields = {
  ...uprFieldsSelect,
  sourcePassage: true,
  sourcePassageBy: true,
  fromSpeech: true,
  addressees: {
    select: { state: { select: { id: true, name: true, iso2: true, kind: true } } },
  },
  scale: { select: { id: true, name: true, statuses: { select: scaleStatusSelect, orderBy: { position: "asc" } } } },
} as const;

export type TranslatedRow = { text: string; language: string; translations: { locale: string; text: string }[] };

/**
 * The text a reader sees: `text` in their language, or the original with `isFallback`; `textLang`
 * is the language of `text` (the `lang` attribute of the element that shows it).
 */
export function readerText(row: TranslatedRow, locale: Locale) {
  const translation = row.translations.find((item) => item.locale === locale)?.text;
  const shown = chooseVersion(row.text, row.language, translation, locale);
  return { text: shown.value, textLang: shown.lang, isFallback: shown.isFallback };
}

/** What `readerText` needs of a recommendation read for `locale` (its translation into it, if any). */
export function readerTextSelect(locale: Locale) {
  return { text: true, language: true, translations: { ...translationSelect, ...translationFor(locale) } } as const;
}

/** A row read with `readerTextSelect`: its text in the reader's language, and the original's language. */
export function presentReaderText<T extends TranslatedRow>(row: T, locale: Locale) {
  const { translations: _translations, ...rest } = row;
  return { ...rest, ...readerText(row, locale), language: languageOf(row.language) };
}

type SummaryRow = TranslatedRow & { source: Parameters<typeof presentSourceReference>[0]; themes: { theme: unknown }[] };

/** A recommendation as the list answers it: the reader's text, the source's title in their language. */
export function presentSummary<T extends SummaryRow>(row: T, locale: Locale) {
  return { ...presentReaderText(withThemes(row), locale), source: presentSourceReference(row.source, locale) };
}

type AddresseeRow = { state: { iso2: string; name: string } };

/**
 * One recommendation: as in the list, plus the original text and every translation (for the
 * form); the States it names in name order of the reader's language.
 */
export function presentDetail<T extends SummaryRow & { addressees: AddresseeRow[] }>(row: T, locale: Locale) {
  return {
    ...presentSummary(row, locale),
    addressees: sortStatesByName<T["addressees"][number]>(row.addressees, locale, (addressee) => addressee.state),
    originalText: row.text,
    translations: row.translations,
  };
}

const ZCursor = z.strictObject({ r: zText(REFERENCE_MAX), i: z.uuid() });

/** The cursor carries the last row's sort key itself, so it never looks up a row out of scope. */
function readCursor(cursor: string) {
  const after = decodeCursor(cursor, ZCursor);
  if (!after) throw new DomainError("BAD_REQUEST", "recommendations.invalidCursor", { fieldErrors: { cursor: [validationMessage("recommendations.invalidCursor")] } });
  return after;
}

/** The list's filters (source, publication, theme, search) in the actor's scope; the export applies the same. */
export function recommendationFilters(actor: Actor, input: Omit<NonNullable<TListRecommendationsInput>, "limit" | "cursor"> | undefined) {
  const filters: Prisma.RecommendationWhereInput[] = [recommendationScope(actor)];
  if (input?.sourceId) filters.push({ sourceId: input.sourceId });
  if (input?.publication) filters.push({ publication: input.publication });
  if (input?.themeKey) filters.push({ themes: { some: { theme: { key: input.themeKey } } } });
  if (input?.search) {
    filters.push({
      OR: [
        { reference: { contains: escapeLike(input.search), mode: "insensitive" } },
        { text: { contains: escapeLike(input.search), mode: "insensitive" } },
        { translations: { some: { text: { contains: escapeLike(input.search), mode: "insensitive" } } } },
      ],
    });
  }
  return filters;
}

export async function listRecommendations(actor: Actor, input: TListRecommendationsInput, locale: Locale = DEFAULT_LOCALE) {
  const limit = input?.limit ?? 50;
  const filters = recommendationFilters(actor, input);
  if (input?.cursor) {
    const after = readCursor(input.cursor);
    filters.push({ OR: [{ reference: { gt: after.r } }, { reference: after.r, id: { gt: after.i } }] });
  }
  const rows = await db.recommendation.findMany({
    where: { AND: filters },
    orderBy: [{ reference: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: recommendationSummarySelect(locale),
  });
  const items = rows.slice(0, limit).map((row) => presentSummary(row, locale));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ r: last.reference, i: last.id }) : null };
}

export async function getRecommendation(actor: Actor, input: TGetRecommendationInput, locale: Locale = DEFAULT_LOCALE) {
  const recommendation = await db.recommendation.findFirst({
    where: { AND: [{ id: input.id }, recommendationScope(actor)] },
    select: recommendationDetailSelect(locale),
  });
  if (!recommendation) throw new DomainError("NOT_FOUND", "notFound.recommendation");
  return presentDetail(recommendation, locale);
}
