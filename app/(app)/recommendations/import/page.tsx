import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import "@/app/recommendations.css";
import { ImportRecommendations } from "@/components/recommendations/import-recommendations";
import { requireSecretariatPage } from "@/server/auth/page-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("pageTitle") };
}

export default async function ImportRecommendationsPage() {
  await requireSecretariatPage("/recommendations/import");
  const t = await getTranslations("imports");
  const list = await getTranslations("recommendations");
  return (
    <section className="stack">
      <p>
        <Link href="/recommendations">{list("list.pageTitle")}</Link>
      </p>
      <h1>{t("pageTitle")}</h1>
      <p className="muted">{t("intro")}</p>
      <ImportRecommendations />
    </section>
  );
}
