import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import "@/app/recommendations.css";
import { SourceList } from "@/components/sources/source-list";
import { getServerCaller } from "@/server/api/server-caller";
import { readerOfPublicPage } from "@/server/auth/page-session";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources.list");
  return { title: t("pageTitle") };
}

/** Every source the reader may see: the secretariat all, others (signed out too) those with a published recommendation. */
export default async function SourcesPage() {
  const actor = await readerOfPublicPage("/sources");
  const caller = await getServerCaller();
  const t = await getTranslations("sources.list");
  const sources = await caller.sources.list();
  return (
    <section className="stack">
      {actor === null || actor.role === "FOCAL_POINT" ? null : (
        <BackLink href="/recommendations">{t("back")}</BackLink>
      )}
      <h1>{t("pageTitle")}</h1>
      <p className="muted">{t("intro")}</p>
      <SourceList initial={sources} />
    </section>
  );
}
