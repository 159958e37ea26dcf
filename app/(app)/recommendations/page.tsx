import type { Metadata } from "next";
import "@/app/recommendations.css";
import { RECOMMENDATIONS_PAGE_SIZE } from "@/components/recommendations/recommendation-display";
import { RecommendationList } from "@/components/recommendations/recommendation-list";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Recommendations" };

export default async function RecommendationsPage() {
  await requireSecretariatPage("/recommendations");
  const caller = await getServerCaller();
  const [initialPage, sources, themes] = await Promise.all([
    caller.recommendations.list({ limit: RECOMMENDATIONS_PAGE_SIZE }),
    caller.sources.list(),
    caller.recommendations.themes(),
  ]);
  return (
    <section>
      <h1>Recommendations</h1>
      <p className="muted">Drafts and published recommendations of every source. Publishing gives each addressed State a commitment.</p>
      <RecommendationList initialPage={initialPage} sources={sources} themes={themes} />
    </section>
  );
}
