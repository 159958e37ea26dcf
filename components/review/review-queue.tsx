"use client";

import { errorMessage } from "@/components/ui/api-errors";
import { DateTime } from "@/components/ui/dates";
import { CountLine, DataTable, countOf } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { isModifiedClick, queueLinkId, shorten, type TQueueItem } from "@/components/review/review-links";

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
  if (queue.isPending) {
    return (
      <p role="status" className="muted">
        Loading the review queue…
      </p>
    );
  }
  if (queue.isError && items.length === 0) {
    return (
      <div role="alert" className="alert alert-error">
        <p className="review-flush">The review queue could not be loaded: {errorMessage(queue.error)}</p>
        <button type="button" className="button button-secondary button-small" onClick={() => void queue.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title="No updates are waiting for review.">
        {filtered ? (
          <p className="review-flush">
            Only the filtered State or source is shown.{" "}
            <button type="button" className="button button-secondary button-small" onClick={onClearFilters}>
              Show all submitted updates
            </button>
          </p>
        ) : (
          <p className="review-flush">Updates appear here when a focal point submits one. Come back later.</p>
        )}
      </EmptyState>
    );
  }

  return (
    <div className="stack">
      <DataTable
        caption="Submitted updates waiting for review, oldest first"
        className="review-queue"
        wrapClassName="review-table-wrap"
        rows={items}
        rowKey={(item) => item.id}
        busy={queue.isFetchingNextPage}
        columns={[
          { key: "state", header: "State", cell: (item) => item.commitment.state.name },
          {
            key: "recommendation",
            header: "Recommendation",
            className: "review-queue-recommendation",
            cell: (item) => (
              <>
                <a
                  id={queueLinkId(item.commitment.id)}
                  className="review-queue-link"
                  aria-label={`Review ${item.commitment.state.name}, ${item.commitment.recommendation.reference}`}
                  href={itemHref(item.commitment.id)}
                  onClick={(event) => {
                    if (isModifiedClick(event)) return;
                    event.preventDefault();
                    onOpen(item.commitment.id);
                  }}
                >
                  {item.commitment.recommendation.reference}
                </a>{" "}
                <span className="muted">{shorten(item.commitment.recommendation.text)}</span>
              </>
            ),
          },
          { key: "submitted", header: "Submitted", cell: (item) => (item.submittedAt ? <DateTime value={item.submittedAt} /> : "—") },
          { key: "author", header: "Author", cell: (item) => item.authorName },
          { key: "status", header: "Proposed status", cell: (item) => <StatusBadge statusKey={item.status.key} label={item.status.label} /> },
          { key: "progress", header: "Progress", cell: (item) => <ProgressBar value={item.progress} label={`Proposed progress ${item.progress}%`} /> },
        ]}
      />
      <div className="pager">
        <CountLine className="muted review-flush">
          Showing {countOf(items.length, "update")}
          {queue.hasNextPage ? "; more are waiting." : "."}
        </CountLine>
        {queue.hasNextPage ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={queue.isFetchingNextPage}
            onClick={() => void queue.fetchNextPage()}
          >
            {queue.isFetchingNextPage ? "Loading…" : "Load more"}
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
