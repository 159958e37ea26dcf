import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import "@/app/recommendations.css";
import { RECOMMENDATIONS_PAGE_SIZE } from "@/components/recommendations/recommendation-display";
import { RecommendationList } from "@/components/recommendations/recommendation-list";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("recommendations");
  return { title: t("list.pageTitle") };
}

export default async function RecommendationsPage() {
  await requireSecretariatPage("/recommendations");
  const caller = await getServerCaller();
  const t = await getTranslations("recommendations");
  const sourcesText = await getTranslations("sources.list");
  const [initialPage, sources, themes] = await Promise.all([
    caller.recommendations.list({ limit: RECOMMENDATIONS_PAGE_SIZE }),
    caller.sources.list(),
    caller.recommendations.themes(),
  ]);
  return (
    <section>
      <h1>{t("list.pageTitle")}</h1>
      <p className="muted">{t("list.intro")}</p>
      <p>
        <Link href="/sources">{sourcesText("link")}</Link>
      </p>
      <RecommendationList initialPage={initialPage} sources={sources} themes={themes} />
    </section>
  );
}
