import type { Metadata } from "next";
import "@/app/review.css";
import { REVIEW_PAGE_SIZE, idParam } from "@/components/review/review-links";
import { ReviewScreen } from "@/components/review/review-screen";
import { getServerCaller } from "@/server/api/server-caller";
import { requireSecretariatPage } from "@/server/auth/page-session";
import { loadStatesForFilter } from "@/server/api/page-loaders";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requireSecretariatPage("/review");
  const params = await searchParams;
  const stateId = idParam(params.state);
  const sourceId = idParam(params.source);
  const caller = await getServerCaller();
  const [queue, sources, states] = await Promise.all([
    caller.review.queue({ stateId, sourceId, limit: REVIEW_PAGE_SIZE }),
    caller.sources.list(),
    loadStatesForFilter(),
  ]);

  return (
    <ReviewScreen
      initialQueue={{ stateId, sourceId, page: queue }}
      states={states.map((state) => ({
        id: state.id,
        label: state.kind === "PARTNER" ? `${state.name} (Partner for Co-operation)` : state.name,
      }))}
      sources={sources.map((source) => ({ id: source.id, label: source.title }))}
    />
  );
}
