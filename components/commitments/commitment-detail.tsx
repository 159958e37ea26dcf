"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { EvidenceList } from "@/components/commitments/evidence-list";
import { ReviewStateBadge, StatusBadge } from "@/components/ui/status-badge";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useErrorMessage } from "@/components/ui/api-errors";
import { CommitmentTimeline } from "@/components/commitments/commitment-timeline";
import { UpdateForm, contentFrom } from "@/components/commitments/update-form";
import type { TCommitmentView, TTimeline, TUpdateView } from "@/components/commitments/types";
import type { Role } from "@/prisma/generated/enums";
import { RecommendationText } from "@/components/recommendations/recommendation-display";
import { SourcePassage } from "@/components/recommendations/source-passage";
import { HistoryLink } from "@/components/history/history-link";
import { BackLink } from "@/components/ui/back-link";

// The secretariat's due-date form is not part of a focal point's page: it loads for the secretariat
// only, once the page is interactive.
const CommitmentDueDateForm = dynamic(() => import("@/components/commitments/due-date-form").then((module) => module.CommitmentDueDateForm), { ssr: false });

function SubmittedUpdate({ update }: { update: TUpdateView }) {
  const t = useTranslations("commitments.detail");
  const refs = useReferenceLabels();
  const format = useFormatter();
  const submittedAt = update.submittedAt;
  const date = () => (submittedAt ? <DateTime value={submittedAt} /> : null);
  const name = update.authorName;
  return (
    <section className="card" aria-labelledby="submitted-title">
      <h2 id="submitted-title">{t("waitingTitle")}</h2>
      <p>
        <ReviewStateBadge reviewState={update.reviewState} />{" "}
        {submittedAt && name ? t.rich("submittedOnBy", { date, name }) : submittedAt ? t.rich("submittedOn", { date }) : name ? t("submittedBy", { name }) : null}
      </p>
      <p>
        <StatusBadge statusKey={update.status.key} label={refs.status(update.status)} />{" "}
        <ProgressBar value={update.progress} label={t("progressValue", { progress: format.number(update.progress / 100, "percent") })} />
      </p>
      {update.narrative ? <p className="recommendation-text">{update.narrative}</p> : null}
      <EvidenceList links={update.evidence} />
      <p className="muted">{t("locked")}</p>
    </section>
  );
}

/** Who returned the focal point's update, and when. */
function ReturnedTitle({ reviewerName, reviewedAt }: { reviewerName: string | null; reviewedAt: string | null }) {
  const t = useTranslations("commitments.detail");
  const date = () => (reviewedAt ? <DateTime value={reviewedAt} /> : null);
  if (reviewerName && reviewedAt) return t.rich("returnedByOn", { name: reviewerName, date });
  if (reviewedAt) return t.rich("returnedOn", { date });
  return reviewerName ? t("returnedBy", { name: reviewerName }) : t("returned");
}

/** One commitment: the recommendation, the accepted status beside the assessment, the update form and the history. */
export function CommitmentDetail({
  id,
  role,
  initialCommitment,
  initialHistory,
}: {
  id: string;
  role: Role;
  initialCommitment: TCommitmentView;
  initialHistory: TTimeline;
}) {
  const t = useTranslations("commitments.detail");
  const errorMessage = useErrorMessage();
  const refs = useReferenceLabels();
  const trpc = useTRPC();
  const commitmentQuery = useQuery(trpc.commitments.get.queryOptions({ id }, { initialData: initialCommitment }));
  const historyQuery = useQuery(trpc.commitments.history.queryOptions({ id }, { initialData: initialHistory }));
  const deleteDraft = useMutation(trpc.commitments.deleteDraft.mutationOptions());
  // Bumped to re-create the form from the server's latest data (after a save or a reload).
  const [formKey, setFormKey] = useState(0);
  const commitment = commitmentQuery.data;
  const statuses = commitment.recommendation.scale.statuses;
  const open = commitment.openUpdate;
  const returned = commitment.lastReturnedUpdate;
  const isFocalPoint = role === "FOCAL_POINT";

  async function refresh() {
    await Promise.all([commitmentQuery.refetch(), historyQuery.refetch()]);
    setFormKey((key) => key + 1);
  }

  const returnedIsLatest = returned && (!open || open.reviewState === "DRAFT") && (!commitment.acceptedAt || (returned.reviewedAt && returned.reviewedAt > commitment.acceptedAt));

  return (
    <article className="stack">
      <BackLink href="/commitments">{t("back")}</BackLink>
      <header>
        <h1>
          {commitment.recommendation.reference} · {refs.state(commitment.state)}
        </h1>
        <p className="muted">
          <Link href={`/sources/${commitment.recommendation.source.id}`}>{commitment.recommendation.source.title}</Link>
          {commitment.voluntary ? ` · ${t("voluntary")}` : ""}
        </p>
      </header>
      {isFocalPoint ? null : <HistoryLink entity="commitment" id={commitment.id} />}
      {isFocalPoint && returnedIsLatest && returned ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">
            <ReturnedTitle reviewerName={returned.reviewerName} reviewedAt={returned.reviewedAt} />
          </p>
          <p>
            <span className="visually-hidden">{t("reviewComment")}</span>
            {returned.reviewComment}
          </p>
          {!open ? <p>{t("startsFromReturned")}</p> : null}
        </div>
      ) : null}

      <div className="split">
        <div className="stack">
          <section className="card" aria-labelledby="recommendation-title">
            <h2 id="recommendation-title">{t("recommendation")}</h2>
            <RecommendationText recommendation={commitment.recommendation} as="p" className="recommendation-text" />
            {commitment.recommendation.themes.length > 0 ? (
              <p className="muted">{t("themes", { themes: commitment.recommendation.themes.map((theme) => refs.theme(theme)).join(", ") })}</p>
            ) : null}
            <SourcePassage recommendation={commitment.recommendation} level={3} />
          </section>

          {isFocalPoint && open?.reviewState === "SUBMITTED" ? <SubmittedUpdate update={open} /> : null}
          {isFocalPoint && open?.reviewState !== "SUBMITTED" ? (
            <section className="card">
              <UpdateForm
                key={formKey}
                commitmentId={commitment.id}
                draft={open ? { id: open.id, version: open.version } : null}
                initial={contentFrom(open ?? returned ?? null, statuses)}
                statuses={statuses}
                onSaved={refresh}
                onReload={refresh}
              />
              {open ? (
                <div className="actions">
                  <ConfirmButton
                    title={t("deleteTitle")}
                    message={t("deleteMessage")}
                    confirmLabel={t("deleteDraft")}
                    disabled={deleteDraft.isPending}
                    onConfirm={() => {
                      deleteDraft.mutate(
                        { updateId: open.id, expectedVersion: open.version },
                        {
                          onSuccess: async () => {
                            toast.success(t("draftDeleted"));
                            await refresh();
                          },
                          onError: (error) => toast.error(errorMessage(error)),
                        },
                      );
                    }}
                  >
                    {t("deleteDraft")}
                  </ConfirmButton>
                </div>
              ) : null}
            </section>
          ) : null}
          {!isFocalPoint && open?.reviewState === "SUBMITTED" ? (
            <p>
              <Link href={`/review?update=${open.id}`}>{t("openInQueue")}</Link>
            </p>
          ) : null}
        </div>

        <aside className="stack" aria-label={t("statusAside")}>
          <section className="card" aria-labelledby="accepted-title">
            <h2 id="accepted-title">{t("acceptedStatus")}</h2>
            <p>
              <StatusBadge statusKey={commitment.acceptedStatus.key} label={refs.status(commitment.acceptedStatus)} />
            </p>
            <p>
              <ProgressBar value={commitment.acceptedProgress} label={t("acceptedProgress")} />
            </p>
            <dl className="facts">
              <dt>{t("acceptedOn")}</dt>
              <dd>{commitment.acceptedAt ? <DateTime value={commitment.acceptedAt} /> : t("noneAccepted")}</dd>
              <dt>{t("due")}</dt>
              <dd>
                {commitment.dueDate ? <CalendarDate value={commitment.dueDate} /> : t("noDueDate")}
                {commitment.overdue ? <span className="badge badge-overdue"> {t("overdue")}</span> : null}
              </dd>
            </dl>
          </section>
          {!isFocalPoint && commitment.version !== null ? (
            <div className="card">
              <CommitmentDueDateForm key={commitment.version} commitment={{ id: commitment.id, version: commitment.version, dueDate: commitment.dueDate }} onSaved={refresh} />
            </div>
          ) : null}
          <section className="card" aria-labelledby="assessment-title">
            <h2 id="assessment-title">{t("assessment")}</h2>
            {commitment.assessment ? (
              <>
                <p>
                  <StatusBadge statusKey={commitment.assessment.status.key} label={refs.status(commitment.assessment.status)} />{" "}
                  <span className="muted">({commitment.assessment.isPublic ? t("public") : t("internal")})</span>
                </p>
                <p className="recommendation-text">{commitment.assessment.rationale}</p>
                <p className="muted">
                  {commitment.assessment.assessorName ? `${commitment.assessment.assessorName}, ` : ""}
                  <DateTime value={commitment.assessment.createdAt} />
                </p>
                {commitment.assessment.status.key !== commitment.acceptedStatus.key ? (
                  <p className="alert alert-warning">{t("assessmentDiffers")}</p>
                ) : null}
              </>
            ) : (
              <p className="muted">{t("notAssessed")}</p>
            )}
          </section>
        </aside>
      </div>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("history")}</h2>
        <CommitmentTimeline entries={historyQuery.data} />
      </section>
    </article>
  );
}
