"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { EvidenceList } from "@/components/commitments/evidence-list";
import { ReviewStateBadge, StatusBadge } from "@/components/ui/status-badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { errorMessage } from "@/components/ui/api-errors";
import { CommitmentTimeline } from "@/components/commitments/commitment-timeline";
import { UpdateForm, contentFrom } from "@/components/commitments/update-form";
import type { TCommitmentView, TTimeline, TUpdateView } from "@/components/commitments/types";
import type { Role } from "@/prisma/generated/enums";

function SubmittedUpdate({ update }: { update: TUpdateView }) {
  return (
    <section className="card" aria-labelledby="submitted-title">
      <h2 id="submitted-title">Update waiting for review</h2>
      <p>
        <ReviewStateBadge reviewState={update.reviewState} /> {update.submittedAt ? <>on <DateTime value={update.submittedAt} /></> : null}
        {update.authorName ? <> by {update.authorName}</> : null}
      </p>
      <p>
        <StatusBadge statusKey={update.status.key} label={update.status.label} /> <ProgressBar value={update.progress} />
      </p>
      {update.narrative ? <p className="recommendation-text">{update.narrative}</p> : null}
      <EvidenceList links={update.evidence} />
      <p className="muted">A submitted update is locked until the secretariat accepts or returns it.</p>
    </section>
  );
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
      <p>
        <Link href="/commitments">← Commitments</Link>
      </p>
      <header>
        <h1>
          {commitment.recommendation.reference} · {commitment.state.name}
        </h1>
        <p className="muted">
          {commitment.recommendation.source.title}
          {commitment.voluntary ? " · voluntary (Partner for Co-operation)" : ""}
        </p>
      </header>

      <div className="split">
        <div className="stack">
          <section className="card" aria-labelledby="recommendation-title">
            <h2 id="recommendation-title">Recommendation</h2>
            <p className="recommendation-text">{commitment.recommendation.text}</p>
            {commitment.recommendation.themes.length > 0 ? (
              <p className="muted">Themes: {commitment.recommendation.themes.map((theme) => theme.label).join(", ")}</p>
            ) : null}
          </section>

          {isFocalPoint && returnedIsLatest && returned ? (
            <div className="alert alert-warning" role="status">
              <p className="alert-title">
                Your update was returned{returned.reviewerName ? ` by ${returned.reviewerName}` : ""}
                {returned.reviewedAt ? <> on <DateTime value={returned.reviewedAt} /></> : null}.
              </p>
              <p>
                <span className="visually-hidden">Review comment: </span>
                {returned.reviewComment}
              </p>
              {!open ? <p>The form below starts from your returned update: revise it and submit again.</p> : null}
            </div>
          ) : null}

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
                    title="Delete this draft?"
                    message="The draft and its evidence links will be deleted. This cannot be undone."
                    confirmLabel="Delete draft"
                    disabled={deleteDraft.isPending}
                    onConfirm={() => {
                      deleteDraft.mutate(
                        { updateId: open.id, expectedVersion: open.version },
                        {
                          onSuccess: async () => {
                            toast.success("Draft deleted.");
                            await refresh();
                          },
                          onError: (error) => toast.error(errorMessage(error)),
                        },
                      );
                    }}
                  >
                    Delete draft
                  </ConfirmButton>
                </div>
              ) : null}
            </section>
          ) : null}
          {!isFocalPoint && open?.reviewState === "SUBMITTED" ? (
            <p>
              <Link href={`/review?update=${open.id}`}>An update is waiting for review: open it in the review queue</Link>
            </p>
          ) : null}
        </div>

        <aside className="stack" aria-label="Status">
          <section className="card" aria-labelledby="accepted-title">
            <h2 id="accepted-title">Accepted status</h2>
            <p>
              <StatusBadge statusKey={commitment.acceptedStatus.key} label={commitment.acceptedStatus.label} />
            </p>
            <p>
              <ProgressBar value={commitment.acceptedProgress} label="Accepted progress" />
            </p>
            <dl className="facts">
              <dt>Accepted on</dt>
              <dd>{commitment.acceptedAt ? <DateTime value={commitment.acceptedAt} /> : "No update accepted yet"}</dd>
              <dt>Due</dt>
              <dd>
                {commitment.dueDate ? <CalendarDate value={commitment.dueDate} /> : "No due date"}
                {commitment.overdue ? <span className="badge badge-overdue"> Overdue</span> : null}
              </dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="assessment-title">
            <h2 id="assessment-title">Secretariat assessment</h2>
            {commitment.assessment ? (
              <>
                <p>
                  <StatusBadge statusKey={commitment.assessment.status.key} label={commitment.assessment.status.label} />{" "}
                  <span className="muted">({commitment.assessment.isPublic ? "public" : "internal"})</span>
                </p>
                <p className="recommendation-text">{commitment.assessment.rationale}</p>
                <p className="muted">
                  {commitment.assessment.assessorName ? `${commitment.assessment.assessorName}, ` : ""}
                  <DateTime value={commitment.assessment.createdAt} />
                </p>
                {commitment.assessment.status.key !== commitment.acceptedStatus.key ? (
                  <p className="alert alert-warning">The assessment differs from the accepted status reported by the State.</p>
                ) : null}
              </>
            ) : (
              <p className="muted">The secretariat has not assessed this commitment yet.</p>
            )}
          </section>
        </aside>
      </div>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <CommitmentTimeline entries={historyQuery.data} />
      </section>
    </article>
  );
}
