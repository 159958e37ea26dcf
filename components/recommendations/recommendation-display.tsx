import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import type { AppRouter } from "@/server/api/root";
import type { Locale } from "@/server/shared/locales";

/** Rows per page of the list; shared by the page (first page) and the list (later pages). */
export const RECOMMENDATIONS_PAGE_SIZE = 25;

type Outputs = inferRouterOutputs<AppRouter>;
export type RecommendationDetail = Outputs["recommendations"]["get"];
export type RecommendationSummary = Outputs["recommendations"]["list"]["items"][number];
export type SourceOption = Outputs["sources"]["list"][number];
export type ThemeOption = Outputs["recommendations"]["themes"][number];
export type ScaleOption = Outputs["scales"]["list"][number];

/** A State that can be addressed: participating States are bound, Partners for Co-operation volunteer. */
export type StateOption = {
  id: string;
  name: string;
  iso2: string;
  kind: "PARTICIPATING" | "PARTNER";
  partnerGroup?: string | null;
};

/** What a recommendation's form offers to choose from. */
export type RecommendationChoices = { sources: SourceOption[]; themes: ThemeOption[]; scales: ScaleOption[]; states: StateOption[] };

const PUBLICATION_SYMBOLS: Record<string, string> = { DRAFT: "✎", PUBLISHED: "✓" };

/** Draft or published, in words and a symbol (never by colour alone). */
export function PublicationBadge({ publication }: { publication: string }) {
  const t = useTranslations("recommendations.publication");
  const known = publication === "DRAFT" || publication === "PUBLISHED";
  return (
    <span className={`badge badge-recommendation-${publication.toLowerCase()}`}>
      <span aria-hidden="true" className="badge-symbol">
        {PUBLICATION_SYMBOLS[publication] ?? "•"}
      </span>
      {known ? t(publication) : publication}
    </span>
  );
}

/**
 * Content shown in the reader's language or, without a translation, in its original language:
 * the element carries the language of its text (`lang`), and a fallback says so in the reader's
 * language ("original in English"). The fields are the ones the services answer for a
 * recommendation (`text`, `textLang`, `isFallback`); a source's title passes `titleLang` as `lang`.
 */
export function TranslatedText({
  text,
  lang,
  isFallback,
  as: Element = "span",
  className,
  maxLength,
}: {
  text: string;
  lang: Locale;
  isFallback: boolean;
  /** "p" or "div" for a block of text; "span" (the default) inside a table cell or a sentence. */
  as?: "span" | "p" | "div";
  className?: string;
  /** Shortens the text at a word boundary (lists). */
  maxLength?: number;
}) {
  const t = useTranslations("recommendations");
  const note = isFallback ? (
    <span className="translation-fallback muted">
      {" "}
      ({t("originalIn", { language: lang })})
    </span>
  ) : null;
  if (Element === "span") {
    return (
      <>
        <span lang={lang} className={className}>
          {maxLength ? shortenText(text, maxLength) : text}
        </span>
        {note}
      </>
    );
  }
  return (
    <div className="translated-text">
      <Element lang={lang} className={className}>
        {maxLength ? shortenText(text, maxLength) : text}
      </Element>
      {isFallback ? <p className="translation-fallback muted">({t("originalIn", { language: lang })})</p> : null}
    </div>
  );
}

/** A recommendation's text as the services answer it, in the reader's language (see TranslatedText). */
export function RecommendationText({
  recommendation,
  ...display
}: {
  recommendation: { text: string; textLang: Locale; isFallback: boolean };
  as?: "span" | "p" | "div";
  className?: string;
  maxLength?: number;
}) {
  return <TranslatedText text={recommendation.text} lang={recommendation.textLang} isFallback={recommendation.isFallback} {...display} />;
}

/** A source's kind in the reader's language. */
export function useSourceKindLabel() {
  const t = useTranslations("sources.kinds");
  return (kind: string) => (kind === "CONFERENCE" || kind === "ACTION_PLAN" || kind === "MONITORING_CYCLE" || kind === "OTHER" ? t(kind) : kind);
}

/** The first words of a long recommendation, cut at a word boundary. */
export function shortenText(text: string, max = 160) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The States a recommendation reaches when published: every participating State when so marked,
 * plus the States chosen one by one.
 */
export function countAddressedStates(states: StateOption[], addressAllParticipating: boolean, chosenIds: string[]) {
  const addressed = new Set(chosenIds);
  if (addressAllParticipating) {
    for (const state of states) if (state.kind === "PARTICIPATING") addressed.add(state.id);
  }
  return addressed.size;
}

export function formatSourceOption(source: { title: string; date: string }) {
  return `${source.title} (${source.date})`;
}
