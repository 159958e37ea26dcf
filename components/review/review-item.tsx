"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { errorCode, errorMessage } from "@/components/ui/api-errors";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { AssessmentForm } from "@/components/review/assessment-form";
import { ReviewDecisionForm } from "@/components/review/review-decision-form";
import { ReviewHistory } from "@/components/review/review-history";
import {
  ITEM_HEADING_ID,
  isModifiedClick,
  isWebAddress,
  type TCommitmentView,
  type TQueuePage,
  type TReviewUpdate,
  type TTimeline,
} from "@/components/review/review-links";

/**
 * The submitted update of the commitment. `openUpdate` is used only when it is SUBMITTED: for the
 * secretariat the service may return an already reviewed update there (its scope's `state`
 * replaces the open-states filter), so the update is otherwise looked up in the queue, with its
 * evidence from the history.
 */
function submittedUpdate(view: TCommitmentView, queue: TQueuePage | undefined, history: TTimeline | undefined): TReviewUpdate | null {
  const open = view.openUpdate;
  if (open?.reviewState === "SUBMITTED") {
    return { ...open, evidence: open.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })) };
  }
  const queued = queue?.items.find((item) => item.commitment.id === view.id);
  if (!queued) return null;
  const submitted = history?.findLast((entry) => entry.kind === "update_submitted" && entry.updateId === queued.id);
  return {
    id: queued.id,
    version: queued.version,
    status: queued.status,
    progress: queued.progress,
    narrative: queued.narrative,
    reportingPeriod: undefined,
    submittedAt: queued.submittedAt,
    authorName: queued.authorName,
    evidence: submitted?.evidence ?? [],
  };
}

/** One submitted update beside its commitment, with the decision and the assessment forms. */
export function ReviewItem({
  commitmentId,
  queueHref,
  onBack,
  onReviewed,
}: {
  commitmentId: string;
  queueHref: string;
  onBack: () => void;
  onReviewed: (updateId: string) => Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const commitment = useQuery(trpc.commitments.get.queryOptions({ id: commitmentId }));
  const history = useQuery(trpc.commitments.history.queryOptions({ id: commitmentId }));
  const openIsSubmitted = commitment.data?.openUpdate?.reviewState === "SUBMITTED";
  const queued = useQuery({
    ...trpc.commitments.reviewQueue.queryOptions({ stateId: commitment.data?.state.id ?? "", limit: 100 }),
    enabled: Boolean(commitment.data) && !openIsSubmitted,
  });

  const backLink = (
    <p className="review-back">
      <a
        href={queueHref}
        onClick={(event) => {
          if (isModifiedClick(event)) return;
          event.preventDefault();
          onBack();
        }}
      >
        <span aria-hidden="true">← </span>Back to the review queue
      </a>
    </p>
  );

  if (!commitment.data) {
    return (
      <div className="stack review-page">
        {backLink}
        <h1 id={ITEM_HEADING_ID} tabIndex={-1}>
          Review an update
        </h1>
        {commitment.isError ? (
          <div role="alert" className="alert alert-error">
            <p className="review-flush">
              {errorCode(commitment.error) === "NOT_FOUND"
                ? "This commitment was not found. It may have been removed, or the link is wrong."
                : `The commitment could not be loaded: ${errorMessage(commitment.error)}`}
            </p>
            {errorCode(commitment.error) === "NOT_FOUND" ? null : (
              <button type="button" className="button button-secondary button-small" onClick={() => void commitment.refetch()}>
                Try again
              </button>
            )}
          </div>
        ) : (
          <p role="status" className="muted">
            Loading the commitment and its submitted update…
          </p>
        )}
      </div>
    );
  }

  const view = commitment.data;
  const update = submittedUpdate(view, queued.data, history.data);
  const lookingUp = !update && !openIsSubmitted && (queued.isPending || history.isPending);
  const title = `${view.state.name}, ${view.recommendation.reference}`;
  const reload = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: commitmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: commitmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.commitments.reviewQueue.pathKey() }),
    ]);
  };

  return (
    <div className="stack review-page">
      {backLink}
      <h1 id={ITEM_HEADING_ID} tabIndex={-1}>
        Review: {title}
      </h1>
      <div className="split review-split">
        <CommitmentCard view={view} />
        <section aria-labelledby="review-update-heading" className="card stack review-update">
          <h2 id="review-update-heading">Submitted update</h2>
          {update ? (
            <>
              <UpdateFacts update={update} />
              <ReviewDecisionForm
                key={`${update.id}-${update.version}`}
                update={{ id: update.id, version: update.version }}
                title={title}
                onReviewed={() => onReviewed(update.id)}
                onReload={reload}
              />
            </>
          ) : lookingUp ? (
            <p role="status" className="muted review-flush">
              Loading the submitted update…
            </p>
          ) : (
            <EmptyState title="No update of this commitment is waiting for review.">
              <p className="review-flush">
                It may have been accepted or returned already; the history shows what happened.{" "}
                <a href={queueHref} onClick={(event) => {
                  if (isModifiedClick(event)) return;
                  event.preventDefault();
                  onBack();
                }}>
                  Back to the review queue
                </a>
              </p>
            </EmptyState>
          )}
        </section>
      </div>
      <section aria-labelledby="review-assessment-heading" className="card stack">
        <h2 id="review-assessment-heading">Record assessment</h2>
        <p className="muted review-flush">
          The secretariat&apos;s independent rating, kept beside the State&apos;s own status. Internal unless marked public.
        </p>
        {/* Signed-in readers always get the version; only the public's view has none. */}
        {view.version === null ? null : (
          <AssessmentForm
            commitmentId={view.id}
            version={view.version}
            statuses={view.recommendation.scale.statuses}
            onReload={reload}
          />
        )}
      </section>
      <ReviewHistory commitmentId={view.id} />
    </div>
  );
}

function CommitmentCard({ view }: { view: TCommitmentView }) {
  const source = view.recommendation.source;
  return (
    <section aria-labelledby="review-commitment-heading" className="card stack">
      <h2 id="review-commitment-heading">Commitment</h2>
      <dl className="facts review-facts">
        <dt>State</dt>
        <dd>
          {view.state.name}
          {view.voluntary ? " (Partner for Co-operation; voluntary)" : ""}
        </dd>
        <dt>Recommendation</dt>
        <dd>{view.recommendation.reference}</dd>
        <dt>Source</dt>
        <dd>
          {source.link && isWebAddress(source.link) ? (
            <a href={source.link} target="_blank" rel="noopener noreferrer">
              {source.title}
              <span className="review-sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            source.title
          )}
        </dd>
        <dt>Accepted status</dt>
        <dd>{view.acceptedStatus ? <StatusBadge statusKey={view.acceptedStatus.key} label={view.acceptedStatus.label} /> : "None yet"}</dd>
        <dt>Accepted progress</dt>
        <dd>
          <ProgressBar value={view.acceptedProgress} label={`Accepted progress ${view.acceptedProgress}%`} />
        </dd>
        <dt>Accepted on</dt>
        <dd>{view.acceptedAt ? <DateTime value={view.acceptedAt} /> : "No update accepted yet"}</dd>
        <dt>Due date</dt>
        <dd>
          {view.dueDate ? <CalendarDate value={view.dueDate} /> : "None"}
          {view.overdue ? " (overdue)" : ""}
        </dd>
      </dl>
      <div>
        <h3>Recommendation text</h3>
        <p className="recommendation-text">{view.recommendation.text}</p>
      </div>
      <div>
        <h3>Latest assessment</h3>
        {view.assessment ? (
          <div className="stack review-assessment">
            <p className="review-flush">
              <StatusBadge statusKey={view.assessment.status.key} label={view.assessment.status.label} />{" "}
              <span className="muted">
                {view.assessment.isPublic ? "Public" : "Internal"}, by {view.assessment.assessorName ?? "the secretariat"} on{" "}
                <DateTime value={view.assessment.createdAt} />
              </span>
            </p>
            <p className="review-text review-flush">{view.assessment.rationale}</p>
          </div>
        ) : (
          <p className="muted review-flush">No assessment has been recorded yet.</p>
        )}
      </div>
    </section>
  );
}

function UpdateFacts({ update }: { update: TReviewUpdate }) {
  return (
    <>
      <dl className="facts review-facts">
        <dt>Proposed status</dt>
        <dd>
          <StatusBadge statusKey={update.status.key} label={update.status.label} />
        </dd>
        <dt>Progress</dt>
        <dd>
          <ProgressBar value={update.progress} label={`Proposed progress ${update.progress}%`} />
        </dd>
        {update.reportingPeriod === undefined ? null : (
          <>
            <dt>Reporting period</dt>
            <dd>{update.reportingPeriod || "Not given"}</dd>
          </>
        )}
        <dt>Submitted</dt>
        <dd>
          {update.submittedAt ? <DateTime value={update.submittedAt} /> : "—"}
          {update.authorName ? ` by ${update.authorName}` : ""}
        </dd>
      </dl>
      <div>
        <h3>Progress note</h3>
        {update.narrative.trim() ? (
          <p className="review-text review-flush">{update.narrative}</p>
        ) : (
          <p className="muted review-flush">No note was written.</p>
        )}
      </div>
      <div>
        <h3>Evidence</h3>
        {update.evidence.length === 0 ? (
          <p className="muted review-flush">No evidence links.</p>
        ) : (
          <ul className="review-evidence">
            {update.evidence.map((link, index) => (
              <li key={`${index}-${link.url}`}>
                {isWebAddress(link.url) ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.title}
                    <span className="review-sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span>
                    {link.title} ({link.url})
                  </span>
                )}{" "}
                <span className={`badge ${link.isPublic ? "review-public" : "review-internal"}`}>{link.isPublic ? "Public" : "Internal"}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
