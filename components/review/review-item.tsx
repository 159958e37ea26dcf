"use client";

import dynamic from "next/dynamic";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { errorCode, useErrorMessage } from "@/components/ui/api-errors";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { ReviewHistory } from "@/components/review/review-history";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { RecommendationText } from "@/components/recommendations/recommendation-display";
import {
  ITEM_HEADING_ID,
  isModifiedClick,
  isWebAddress,
  type TCommitmentView,
  type TQueuePage,
  type TReviewUpdate,
  type TTimeline,
} from "@/components/review/review-links";

// The decision and assessment forms load with an opened update, not with the queue's first load.
const ReviewDecisionForm = dynamic(() => import("@/components/review/review-decision-form").then((module) => module.ReviewDecisionForm));
const AssessmentForm = dynamic(() => import("@/components/review/assessment-form").then((module) => module.AssessmentForm));

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
  const t = useTranslations("review.item");
  const errorMessage = useErrorMessage();
  const refs = useReferenceLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const commitment = useQuery(trpc.commitments.get.queryOptions({ id: commitmentId }));
  const history = useQuery(trpc.commitments.history.queryOptions({ id: commitmentId }));
  const openIsSubmitted = commitment.data?.openUpdate?.reviewState === "SUBMITTED";
  const queued = useQuery({
    ...trpc.review.queue.queryOptions({ stateId: commitment.data?.state.id ?? "", limit: 100 }),
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
        <span aria-hidden="true">← </span>
        {t("back")}
      </a>
    </p>
  );

  if (!commitment.data) {
    return (
      <div className="stack review-page">
        {backLink}
        <h1 id={ITEM_HEADING_ID} tabIndex={-1}>
          {t("titleLoading")}
        </h1>
        {commitment.isError ? (
          <div role="alert" className="alert alert-error">
            <p className="review-flush">
              {errorCode(commitment.error) === "NOT_FOUND"
                ? t("notFound")
                : t("loadFailed", { message: errorMessage(commitment.error) })}
            </p>
            {errorCode(commitment.error) === "NOT_FOUND" ? null : (
              <button type="button" className="button button-secondary button-small" onClick={() => void commitment.refetch()}>
                {t("tryAgain")}
              </button>
            )}
          </div>
        ) : (
          <p role="status" className="muted">
            {t("loading")}
          </p>
        )}
      </div>
    );
  }

  const view = commitment.data;
  const update = submittedUpdate(view, queued.data, history.data);
  const lookingUp = !update && !openIsSubmitted && (queued.isPending || history.isPending);
  const title = `${refs.state(view.state)}, ${view.recommendation.reference}`;
  const reload = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: commitmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: commitmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.review.queue.pathKey() }),
    ]);
  };

  return (
    <div className="stack review-page">
      {backLink}
      <h1 id={ITEM_HEADING_ID} tabIndex={-1}>
        {t("title", { title })}
      </h1>
      <div className="split review-split">
        <CommitmentCard view={view} />
        <section aria-labelledby="review-update-heading" className="card stack review-update">
          <h2 id="review-update-heading">{t("submittedUpdate")}</h2>
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
              {t("loadingUpdate")}
            </p>
          ) : (
            <EmptyState title={t("noUpdateTitle")}>
              <p className="review-flush">
                {t("noUpdate")}{" "}
                <a href={queueHref} onClick={(event) => {
                  if (isModifiedClick(event)) return;
                  event.preventDefault();
                  onBack();
                }}>
                  {t("back")}
                </a>
              </p>
            </EmptyState>
          )}
        </section>
      </div>
      <section aria-labelledby="review-assessment-heading" className="card stack">
        <h2 id="review-assessment-heading">{t("assessmentTitle")}</h2>
        <p className="muted review-flush">{t("assessmentIntro")}</p>
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
  const t = useTranslations("review.item");
  const refs = useReferenceLabels();
  const format = useFormatter();
  const source = view.recommendation.source;
  return (
    <section aria-labelledby="review-commitment-heading" className="card stack">
      <h2 id="review-commitment-heading">{t("commitment")}</h2>
      <dl className="facts review-facts">
        <dt>{t("state")}</dt>
        <dd>
          {refs.state(view.state)}
          {view.voluntary ? t("voluntary") : ""}
        </dd>
        <dt>{t("recommendation")}</dt>
        <dd>{view.recommendation.reference}</dd>
        <dt>{t("source")}</dt>
        <dd>
          {source.link && isWebAddress(source.link) ? (
            <a href={source.link} target="_blank" rel="noopener noreferrer">
              {source.title}
              <span className="review-sr-only">{t("newTab")}</span>
            </a>
          ) : (
            source.title
          )}
        </dd>
        <dt>{t("acceptedStatus")}</dt>
        <dd>{view.acceptedStatus ? <StatusBadge statusKey={view.acceptedStatus.key} label={refs.status(view.acceptedStatus)} /> : t("noneYet")}</dd>
        <dt>{t("acceptedProgress")}</dt>
        <dd>
          <ProgressBar value={view.acceptedProgress} label={t("acceptedProgressValue", { progress: format.number(view.acceptedProgress / 100, "percent") })} />
        </dd>
        <dt>{t("acceptedOn")}</dt>
        <dd>{view.acceptedAt ? <DateTime value={view.acceptedAt} /> : t("noneAccepted")}</dd>
        <dt>{t("dueDate")}</dt>
        <dd>
          {view.dueDate ? <CalendarDate value={view.dueDate} /> : t("none")}
          {view.overdue ? t("overdue") : ""}
        </dd>
      </dl>
      <div>
        <h3>{t("recommendationText")}</h3>
        <RecommendationText recommendation={view.recommendation} as="p" className="recommendation-text" />
      </div>
      <div>
        <h3>{t("latestAssessment")}</h3>
        {view.assessment ? (
          <div className="stack review-assessment">
            <p className="review-flush">
              <StatusBadge statusKey={view.assessment.status.key} label={refs.status(view.assessment.status)} />{" "}
              <span className="muted">
                <AssessedBy assessment={view.assessment} />
              </span>
            </p>
            <p className="review-text review-flush">{view.assessment.rationale}</p>
          </div>
        ) : (
          <p className="muted review-flush">{t("noAssessment")}</p>
        )}
      </div>
    </section>
  );
}

/** Whether the assessment is public, who made it and when. */
function AssessedBy({ assessment }: { assessment: NonNullable<TCommitmentView["assessment"]> }) {
  const t = useTranslations("review.item");
  const visibility = assessment.isPublic ? "public" : "internal";
  const date = () => <DateTime value={assessment.createdAt} />;
  return assessment.assessorName ? t.rich("assessedBy", { visibility, name: assessment.assessorName, date }) : t.rich("assessedBySecretariat", { visibility, date });
}

function UpdateFacts({ update }: { update: TReviewUpdate }) {
  const t = useTranslations("review.item");
  const refs = useReferenceLabels();
  const format = useFormatter();
  return (
    <>
      <dl className="facts review-facts">
        <dt>{t("proposedStatus")}</dt>
        <dd>
          <StatusBadge statusKey={update.status.key} label={refs.status(update.status)} />
        </dd>
        <dt>{t("progress")}</dt>
        <dd>
          <ProgressBar value={update.progress} label={t("proposedProgress", { progress: format.number(update.progress / 100, "percent") })} />
        </dd>
        {update.reportingPeriod === undefined ? null : (
          <>
            <dt>{t("period")}</dt>
            <dd>{update.reportingPeriod || t("notGiven")}</dd>
          </>
        )}
        <dt>{t("submitted")}</dt>
        <dd>
          {update.submittedAt ? <DateTime value={update.submittedAt} /> : "—"}
          {update.authorName ? t("by", { name: update.authorName }) : ""}
        </dd>
      </dl>
      <div>
        <h3>{t("note")}</h3>
        {update.narrative.trim() ? (
          <p className="review-text review-flush">{update.narrative}</p>
        ) : (
          <p className="muted review-flush">{t("noNote")}</p>
        )}
      </div>
      <div>
        <h3>{t("evidence")}</h3>
        {update.evidence.length === 0 ? (
          <p className="muted review-flush">{t("noEvidence")}</p>
        ) : (
          <ul className="review-evidence">
            {update.evidence.map((link, index) => (
              <li key={`${index}-${link.url}`}>
                {isWebAddress(link.url) ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.title}
                    <span className="review-sr-only">{t("newTab")}</span>
                  </a>
                ) : (
                  <span>
                    {link.title} ({link.url})
                  </span>
                )}{" "}
                <span className={`badge ${link.isPublic ? "review-public" : "review-internal"}`}>{link.isPublic ? t("public") : t("internal")}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
