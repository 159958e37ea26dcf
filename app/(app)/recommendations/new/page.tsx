import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import "@/app/recommendations.css";
import { NewRecommendation } from "@/components/recommendations/new-recommendation";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";
import { loadStatesForFilter } from "@/server/api/page-loaders";
import { readParam, type SearchParams } from "@/components/url-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("recommendations");
  return { title: t("newPage.title") };
}

export default async function NewRecommendationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSecretariatPage("/recommendations/new");
  const sourceId = readParam.id((await searchParams).source);
  const caller = await getServerCaller();
  const t = await getTranslations("recommendations");
  const [sources, themes, scales, states] = await Promise.all([
    caller.sources.list(),
    caller.recommendations.themes(),
    caller.scales.list(),
    loadStatesForFilter(),
  ]);
  // Only a source that exists is preselected; anything else in the address is ignored.
  const initialSourceId = sources.find((source) => source.id === sourceId)?.id;
  return (
    <section>
      <h1>{t("newPage.title")}</h1>
      <NewRecommendation sources={sources} themes={themes} scales={scales} states={states} initialSourceId={initialSourceId} />
    </section>
  );
}
