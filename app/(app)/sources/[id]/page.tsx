import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import "@/app/recommendations.css";
import { SOURCE_RECOMMENDATIONS_PAGE_SIZE } from "@/components/sources/source-display";
import { SourceView } from "@/components/sources/source-view";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { readerOfPublicPage } from "@/server/auth/page-session";
import { passes, zId } from "@/server/schemas/common";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sources.view");
  return { title: t("pageTitle") };
}

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await readerOfPublicPage(`/sources/${id}`);
  // The API's own id rule: an id it would refuse is simply not found.
  if (!passes(zId, id)) notFound();
  const caller = await getServerCaller();
  const [source, firstPage] = await Promise.all([
    nullIfNotFound(caller.sources.get({ id })),
    nullIfNotFound(caller.recommendations.list({ sourceId: id, limit: SOURCE_RECOMMENDATIONS_PAGE_SIZE })),
  ]);
  // A source out of the reader's scope (no published recommendation yet) is "not found".
  if (!source || !firstPage) notFound();
  return <SourceView initial={source} initialPage={firstPage} secretariat={actor !== null && actor.role !== "FOCAL_POINT"} />;
}
