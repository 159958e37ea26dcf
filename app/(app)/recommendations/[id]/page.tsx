import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import "@/app/recommendations.css";
import { RecommendationView } from "@/components/recommendations/recommendation-view";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";
import { zId } from "@/server/schemas/common";
import { loadStatesForFilter } from "@/server/api/page-loaders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("recommendations");
  return { title: t("view.pageTitle") };
}

function isNotFound(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "NOT_FOUND";
}

export default async function RecommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSecretariatPage(`/recommendations/${id}`);
  if (!zId.safeParse(id).success) notFound();
  const caller = await getServerCaller();
  const recommendation = await caller.recommendations.get({ id }).catch((error: unknown) => {
    if (isNotFound(error)) notFound();
    throw error;
  });
  const [sources, themes, scales, states] = await Promise.all([
    caller.sources.list(),
    caller.recommendations.themes(),
    caller.scales.list(),
    loadStatesForFilter(),
  ]);
  return <RecommendationView initial={recommendation} sources={sources} themes={themes} scales={scales} states={states} />;
}
