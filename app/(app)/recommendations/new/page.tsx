import type { Metadata } from "next";
import "@/app/recommendations.css";
import { NewRecommendation } from "@/components/recommendations/new-recommendation";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";
import { loadStatesForFilter } from "@/server/api/page-loaders";

export const metadata: Metadata = { title: "New recommendation" };

export default async function NewRecommendationPage({ searchParams }: { searchParams: Promise<{ sourceId?: string | string[] }> }) {
  await requireSecretariatPage("/recommendations/new");
  const { sourceId } = await searchParams;
  const caller = await getServerCaller();
  const [sources, themes, scales, states] = await Promise.all([
    caller.sources.list(),
    caller.recommendations.themes(),
    caller.scales.list(),
    loadStatesForFilter(),
  ]);
  // Only a source that exists is preselected; anything else in the address is ignored.
  const initialSourceId = typeof sourceId === "string" && sources.some((source) => source.id === sourceId) ? sourceId : undefined;
  return (
    <section>
      <h1>New recommendation</h1>
      <NewRecommendation sources={sources} themes={themes} scales={scales} states={states} initialSourceId={initialSourceId} />
    </section>
  );
}
