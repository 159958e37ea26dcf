import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { chooseVersion } from "@/server/services/core/content-language";
import type { Locale } from "@/server/shared/locales";

// What report SQL reads of translated content: the original, its language and the translation
// into the reader's language (null without one); `shownText` / `shownSourceTitle` choose what
// the reader sees, as every other screen does (core/content-language.ts). Aliases are fixed:
// r "Recommendation", so "Source".

const cut = (column: Prisma.Sql, length: number | undefined) => (length === undefined ? column : Prisma.sql`left(${column}, ${length})`);

/** Columns `text`, `text_language`, `translated_text` of the recommendation `r`, cut to `length` characters when given. */
export function recommendationTextColumns(locale: Locale, length?: number) {
  return Prisma.sql`${cut(Prisma.sql`r.text`, length)} AS text, r.language AS text_language,
    (SELECT ${cut(Prisma.sql`rt.text`, length)} FROM "RecommendationTranslation" rt WHERE rt."recommendationId" = r.id AND rt.locale = ${locale}) AS translated_text`;
}

/** Columns `source_title`, `source_language`, `translated_source_title` of the source `so`. */
export function sourceTitleColumns(locale: Locale) {
  return Prisma.sql`so.title AS source_title, so.language AS source_language,
    (SELECT st.title FROM "SourceTranslation" st WHERE st."sourceId" = so.id AND st.locale = ${locale}) AS translated_source_title`;
}

export type TextColumns = { text: string; text_language: string; translated_text: string | null };
export type SourceTitleColumns = { source_title: string; source_language: string; translated_source_title: string | null };

/**
 * A recommendation's text as the reader sees it: `text`, its language `textLang`, and
 * `isFallback` when it is the original shown for want of a translation.
 */
export function shownText(row: TextColumns, locale: Locale) {
  const shown = chooseVersion(row.text, row.text_language, row.translated_text ?? undefined, locale);
  return { text: shown.value, textLang: shown.lang, isFallback: shown.isFallback };
}

export type ShownText = ReturnType<typeof shownText>;

/** `row` with its text columns replaced by what the reader sees (`shownText`). */
export function withShownText<T extends TextColumns>(row: T, locale: Locale) {
  const { text: _text, text_language: _language, translated_text: _translation, ...rest } = row;
  return { ...rest, ...shownText(row, locale) };
}

/** A source's title as the reader sees it (`titleLang`: the `lang` of the element showing it). */
export function shownSourceTitle(row: SourceTitleColumns, locale: Locale) {
  const shown = chooseVersion(row.source_title, row.source_language, row.translated_source_title ?? undefined, locale);
  return { title: shown.value, titleLang: shown.lang, isFallback: shown.isFallback };
}
