"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/api-errors";
import { DateTime } from "@/components/ui/dates";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { isModifiedClick, queueLinkId, type TQueueItem } from "@/components/review/review-links";
import { RecommendationText } from "@/components/recommendations/recommendation-display";

/** What the queue needs of its infinite query. */
type TQueueQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

/** The submitted updates, oldest first, with "Load more" for the next page. */
export function ReviewQueue({
  queue,
  items,
  filtered,
  itemHref,
  onOpen,
  onClearFilters,
}: {
  queue: TQueueQuery;
  items: TQueueItem[];
  filtered: boolean;
  itemHref: (commitmentId: string) => string;
  onOpen: (commitmentId: string) => void;
  onClearFilters: () => void;
}) {
  const t = useTranslations("review.queue");
  const errorMessage = useErrorMessage();
  const refs = useReferenceLabels();
  const format = useFormatter();
  if (queue.isPending) {
    return (
      <p role="status" className="muted">
        {t("loading")}
      </p>
    );
  }
  if (queue.isError && items.length === 0) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="review-flush">{t("loadFailed", { message: errorMessage(queue.error) })}</p>
        <button type="button" className="button button-secondary button-small" onClick={() => void queue.refetch()}>
          {t("tryAgain")}
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title={t("emptyTitle")}>
        {filtered ? (
          <p className="review-flush">
            {t("emptyFiltered")}{" "}
            <button type="button" className="button button-secondary button-small" onClick={onClearFilters}>
              {t("showAll")}
            </button>
          </p>
        ) : (
          <p className="review-flush">{t("empty")}</p>
        )}
      </EmptyState>
    );
  }

  return (
    <div className="stack">
      <DataTable
        caption={t("caption")}
        className="review-queue"
        wrapClassName="review-table-wrap"
        rows={items}
        rowKey={(item) => item.id}
        busy={queue.isFetchingNextPage}
        columns={[
          { key: "state", header: t("state"), cell: (item) => refs.state(item.commitment.state) },
          {
            key: "recommendation",
            header: t("recommendation"),
            className: "review-queue-recommendation",
            cell: (item) => (
              <>
                <a
                  id={queueLinkId(item.commitment.id)}
                  className="review-queue-link"
                  aria-label={t("open", { state: refs.state(item.commitment.state), reference: item.commitment.recommendation.reference })}
                  href={itemHref(item.commitment.id)}
                  onClick={(event) => {
                    if (isModifiedClick(event)) return;
                    event.preventDefault();
                    onOpen(item.commitment.id);
                  }}
                >
                  {item.commitment.recommendation.reference}
                </a>{" "}
                <RecommendationText recommendation={item.commitment.recommendation} className="muted" maxLength={140} />
              </>
            ),
          },
          { key: "submitted", header: t("submitted"), cell: (item) => (item.submittedAt ? <DateTime value={item.submittedAt} /> : "—") },
          { key: "author", header: t("author"), cell: (item) => item.authorName },
          { key: "status", header: t("proposedStatus"), cell: (item) => <StatusBadge statusKey={item.status.key} label={refs.status(item.status)} /> },
          {
            key: "progress",
            header: t("progress"),
            cell: (item) => <ProgressBar value={item.progress} label={t("proposedProgress", { progress: format.number(item.progress / 100, "percent") })} />,
          },
        ]}
      />
      <div className="pager">
        <CountLine className="muted review-flush">
          {queue.hasNextPage ? t("showingMore", { count: items.length }) : t("showing", { count: items.length })}
        </CountLine>
        {queue.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {queue.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        ) : null}
      </div>
      {queue.isError ? (
        <div role="alert" className="alert alert-error">
          {errorMessage(queue.error)}
        </div>
      ) : null}
    </div>
  );
}
