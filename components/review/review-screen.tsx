"use client";

import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { ReviewFilters } from "@/components/review/review-filters";
import { ReviewItem } from "@/components/review/review-item";
import {
  ITEM_HEADING_ID,
  QUEUE_HEADING_ID,
  REVIEW_PAGE_SIZE,
  queueLinkId,
  type TQueuePage,
  type TStateOption,
} from "@/components/review/review-links";
import { readReviewParams, reviewHref, type ReviewParams } from "@/components/url-params";
import type { SelectOption } from "@/components/ui/filter-bar";
import { ReviewQueue } from "@/components/review/review-queue";

/**
 * The review queue and, when one is opened, a submitted update beside its commitment. Filters and
 * the opened item live in the URL (shareable, back button works); moving between them changes
 * the URL in place, and focus goes to the new view's heading or back to the row it came from.
 */
export function ReviewScreen({
  initialQueue,
  states,
  sources,
}: {
  initialQueue: { stateId?: string; sourceId?: string; page: TQueuePage };
  states: TStateOption[];
  sources: SelectOption[];
}) {
  const t = useTranslations("review.queue");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const params = readReviewParams((name) => searchParams.get(name));
  // A code of no State filters nothing.
  const state = states.find((option) => option.value === params.state);
  const stateId = state?.id;
  const sourceId = params.source;
  const commitmentId = params.commitment;
  const filters: ReviewParams = { state: state?.value, source: sourceId };

  // The id of the element to focus once it is rendered (set by user actions, never on page load).
  const focusTarget = useRef<string | null>(null);
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    const element = document.getElementById(target);
    if (!element) return;
    element.focus();
    focusTarget.current = null;
  });

  // "Load more" pages by keyset cursor: one query per page, so that invalidation refreshes every
  // page shown. (tRPC's infinite queries add a `direction` key, which the strict input refuses.)
  const filterKey = `${stateId ?? ""}|${sourceId ?? ""}`;
  const [paging, setPaging] = useState<{ filterKey: string; cursors: string[] }>({ filterKey, cursors: [] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [];
  const serverRendered = initialQueue.stateId === stateId && initialQueue.sourceId === sourceId;
  const baseInput = { ...(stateId ? { stateId } : {}), ...(sourceId ? { sourceId } : {}), limit: REVIEW_PAGE_SIZE };
  const pages = useQueries({
    queries: [null, ...cursors].map((cursor) =>
      trpc.review.queue.queryOptions(cursor ? { ...baseInput, cursor } : baseInput, {
        initialData: cursor === null && serverRendered ? initialQueue.page : undefined,
      }),
    ),
  });
  // Pages may overlap once items have left the queue: each update is listed once.
  const seen = new Set<string>();
  const items = pages
    .flatMap((page) => page.data?.items ?? [])
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
  const lastPage = pages[pages.length - 1];
  const nextCursor = lastPage?.data?.nextCursor ?? null;
  const failed = pages.find((page) => page.isError);
  const queue = {
    isPending: pages[0]?.isPending ?? true,
    isError: Boolean(failed),
    error: failed?.error ?? null,
    hasNextPage: Boolean(nextCursor) && !cursors.includes(nextCursor!),
    isFetchingNextPage: pages.length > 1 && Boolean(lastPage?.isPending),
    fetchNextPage: async () => {
      if (nextCursor && !cursors.includes(nextCursor)) setPaging({ filterKey, cursors: [...cursors, nextCursor] });
    },
    refetch: () => Promise.all(pages.map((page) => page.refetch())),
  };

  function navigate(next: ReviewParams, focus: string) {
    focusTarget.current = focus;
    window.history.pushState(null, "", reviewHref(next));
  }

  function openItem(id: string) {
    navigate({ ...filters, commitment: id }, ITEM_HEADING_ID);
  }

  function backToQueue(fromCommitmentId?: string) {
    const stillQueued = fromCommitmentId && items.some((item) => item.commitment.id === fromCommitmentId);
    navigate(filters, stillQueued ? queueLinkId(fromCommitmentId) : QUEUE_HEADING_ID);
  }

  /** After accept or return: the item leaves the queue at once and focus goes to the next one. */
  async function reviewed(updateId: string, reviewedCommitmentId: string) {
    const index = items.findIndex((item) => item.id === updateId || item.commitment.id === reviewedCommitmentId);
    const next = index >= 0 ? (items[index + 1] ?? items[index - 1]) : items[0];
    queryClient.setQueriesData<TQueuePage>({ queryKey: trpc.review.queue.pathKey() }, (data) =>
      data?.items ? { ...data, items: data.items.filter((item) => item.id !== updateId) } : data,
    );
    navigate(filters, next ? queueLinkId(next.commitment.id) : QUEUE_HEADING_ID);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.review.queue.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: reviewedCommitmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: reviewedCommitmentId }) }),
    ]);
  }

  if (commitmentId) {
    return (
      <ReviewItem
        key={commitmentId}
        commitmentId={commitmentId}
        queueHref={reviewHref(filters)}
        onBack={() => backToQueue(commitmentId)}
        onReviewed={(updateId) => reviewed(updateId, commitmentId)}
      />
    );
  }

  return (
    <div className="stack review-page">
      <h1 id={QUEUE_HEADING_ID} tabIndex={-1}>
        {t("title")}
      </h1>
      <p className="muted review-flush">{t("intro")}</p>
      <ReviewFilters key={filterKey} state={filters.state} source={sourceId} states={states} sources={sources} onApply={(next) => navigate(next, QUEUE_HEADING_ID)} />
      <ReviewQueue
        queue={queue}
        items={items}
        filtered={Boolean(stateId || sourceId)}
        itemHref={(id) => reviewHref({ ...filters, commitment: id })}
        onOpen={openItem}
        onClearFilters={() => navigate({}, QUEUE_HEADING_ID)}
      />
    </div>
  );
}
