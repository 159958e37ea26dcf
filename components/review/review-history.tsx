"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { useErrorMessage } from "@/components/ui/api-errors";
import { DateTime } from "@/components/ui/dates";
import { StatusBadge } from "@/components/ui/status-badge";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

/** The commitment's history, newest first, so a reviewer sees earlier returns and assessments. */
export function ReviewHistory({ commitmentId }: { commitmentId: string }) {
  const t = useTranslations("review.history");
  const errorMessage = useErrorMessage();
  const refs = useReferenceLabels();
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.commitments.history.queryOptions({ id: commitmentId }));

  return (
    <section aria-labelledby="review-history-heading" className="card stack">
      <h2 id="review-history-heading">{t("title")}</h2>
      {history.isPending ? (
        <p role="status" className="muted review-flush">
          {t("loading")}
        </p>
      ) : history.isError ? (
        <div role="alert" className="alert alert-error">
          {t("loadFailed", { message: errorMessage(history.error) })}
        </div>
      ) : (
        <ol className="timeline">
          {[...history.data].reverse().map((entry, index) => (
            <li key={`${entry.kind}-${entry.updateId ?? ""}-${String(entry.at)}-${index}`}>
              <p className="review-flush">
                <strong>{t(`kinds.${entry.kind}`)}</strong> <DateTime value={entry.at} />
                {entry.actorName ? <span className="muted">{t("by", { name: entry.actorName })}</span> : null}
              </p>
              {entry.status ? (
                <p className="review-flush">
                  <StatusBadge statusKey={entry.status.key} label={refs.status(entry.status)} />
                  {entry.progress !== null ? <span className="muted"> {format.number(entry.progress / 100, "percent")}</span> : null}
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
