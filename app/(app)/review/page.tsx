import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import "@/app/review.css";
import { REVIEW_PAGE_SIZE } from "@/components/review/review-links";
import { ReviewScreen } from "@/components/review/review-screen";
import { getterOf, readReviewParams, reviewStateRedirect, type SearchParams } from "@/components/url-params";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";
import { loadStatesForFilter } from "@/server/api/page-loaders";
import { referenceLabelsFor } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, isLocale } from "@/server/shared/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("pageTitle") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSecretariatPage("/review");
  const params = await searchParams;
  const states = await loadStatesForFilter();
  // Links from before the State was named by its code (`state=<id>`) keep working.
  const moved = reviewStateRedirect(params, (id) => states.find((state) => state.id === id)?.iso2);
  if (moved) redirect(moved);
  const filters = readReviewParams(getterOf(params));
  const stateId = states.find((state) => state.iso2 === filters.state)?.id;
  const sourceId = filters.source;
  const caller = await getServerCaller();
  const locale = await getLocale();
  const [queue, sources, t, refs] = await Promise.all([
    caller.review.queue({ stateId, sourceId, limit: REVIEW_PAGE_SIZE }),
    caller.sources.list(),
    getTranslations("review.filters"),
    referenceLabelsFor(isLocale(locale) ? locale : DEFAULT_LOCALE),
  ]);

  return (
    <ReviewScreen
      initialQueue={{ stateId, sourceId, page: queue }}
      states={states.map((state) => ({
        value: state.iso2,
        id: state.id,
        label: state.kind === "PARTNER" ? t("partnerState", { state: refs.state(state) }) : refs.state(state),
      }))}
      sources={sources.map((source) => ({ value: source.id, label: source.title }))}
    />
  );
}
