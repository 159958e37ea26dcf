"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage } from "@/components/ui/api-errors";
import { DateTime } from "@/components/ui/dates";
import { StatusBadge } from "@/components/ui/status-badge";

const KIND_LABELS: Record<string, string> = {
  created: "Commitment created",
  update_submitted: "Update submitted",
  update_returned: "Update returned",
  update_accepted: "Update accepted",
  status_accepted: "Accepted status changed",
  assessment: "Assessment recorded",
};

/** The commitment's history, newest first, so a reviewer sees earlier returns and assessments. */
export function ReviewHistory({ commitmentId }: { commitmentId: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.commitments.history.queryOptions({ id: commitmentId }));

  return (
    <section aria-labelledby="review-history-heading" className="card stack">
      <h2 id="review-history-heading">History</h2>
      {history.isPending ? (
        <p role="status" className="muted review-flush">
          Loading the history…
        </p>
      ) : history.isError ? (
        <div role="alert" className="alert alert-error">
          The history could not be loaded: {errorMessage(history.error)}
        </div>
      ) : (
        <ol className="timeline">
          {[...history.data].reverse().map((entry, index) => (
            <li key={`${entry.kind}-${entry.updateId ?? ""}-${String(entry.at)}-${index}`}>
              <p className="review-flush">
                <strong>{KIND_LABELS[entry.kind] ?? entry.kind}</strong> <DateTime value={entry.at} />
                {entry.actorName ? <span className="muted"> by {entry.actorName}</span> : null}
              </p>
              {entry.status ? (
                <p className="review-flush">
                  <StatusBadge statusKey={entry.status.key} label={entry.status.label} />
                  {entry.progress !== null ? <span className="muted"> {entry.progress}%</span> : null}
                </p>
              ) : null}
              {entry.comment ? <p className="review-text review-history-comment">{entry.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
