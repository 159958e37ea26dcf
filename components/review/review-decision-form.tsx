"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, describedBy } from "@/components/ui/field";
import { ConflictAlert } from "@/components/review/conflict-alert";
import type { TConflict } from "@/components/review/review-links";
import { REVIEW_COMMENT_MAX, reviewCommentProblem } from "@/server/schemas/review-rules";

type Decision = "accept" | "return";

const COMMENT_ID = "review-comment";

/**
 * Accept (the commitment takes the update's status) or return (with a required comment) one
 * submitted update, based on the version that was read. A stale decision saves nothing and says
 * who reviewed it first; the comment typed is kept.
 */
export function ReviewDecisionForm({
  update,
  title,
  onReviewed,
  onReload,
}: {
  update: { id: string; version: number };
  title: string;
  onReviewed: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.review.accept.mutationOptions());
  const giveBack = useMutation(trpc.review.return.mutationOptions());
  const [pending, setPending] = useState<Decision | null>(null);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  // Shown until the comment changes or the next decision.
  const [commentError, setCommentError] = useState<string | null>(null);

  async function decide(decision: Decision) {
    if (pending) return;
    setFailure(null);
    // The API's own rules for the comment: optional to accept, required to return.
    const problem = reviewCommentProblem(decision, comment);
    setCommentError(problem);
    if (problem) return;
    setPending(decision);
    try {
      if (decision === "accept") {
        await accept.mutateAsync({ updateId: update.id, expectedVersion: update.version, comment: comment.trim() || undefined });
        toast.success(`Update accepted: ${title}. The commitment now shows its status.`);
      } else {
        await giveBack.mutateAsync({ updateId: update.id, expectedVersion: update.version, comment });
        toast.success(`Update returned: ${title}. The focal point sees your comment.`);
      }
      await onReviewed();
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        return;
      }
      const fields = fieldErrors(error);
      if (fields.comment) {
        setCommentError(fields.comment);
        return;
      }
      setFailure(errorMessage(error));
      toast.error(`The update was not ${decision === "accept" ? "accepted" : "returned"}.`);
    } finally {
      setPending(null);
    }
  }

  async function reload() {
    setConflict(null);
    await onReload();
  }

  return (
    <form className="stack review-decision" noValidate onSubmit={(event) => {
        event.preventDefault();
        void decide("accept");
      }} aria-labelledby="review-decision-heading">
      <h3 id="review-decision-heading">Your decision</h3>
      <ErrorSummary errors={commentError ? [{ fieldId: COMMENT_ID, message: commentError }] : []} />
      {conflict ? <ConflictAlert conflict={conflict} what="This update was already reviewed" onReload={reload} /> : null}
      {failure ? (
        <div role="alert" className="alert alert-error">
          {failure}
        </div>
      ) : null}
      <Field
        id={COMMENT_ID}
        label="Review comment"
        hint="Required to return the update (say what to change); optional when accepting. The focal point sees it; it is never public."
        error={commentError}
      >
        <textarea
          id={COMMENT_ID}
          maxLength={REVIEW_COMMENT_MAX}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={describedBy(COMMENT_ID, { error: commentError, hint: true })}
          name="comment"
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setCommentError(null);
          }}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={pending !== null}>
          {pending === "accept" ? "Accepting…" : "Accept"}
        </button>
        <button type="button" className="button button-secondary" disabled={pending !== null} onClick={() => void decide("return")}>
          {pending === "return" ? "Returning…" : "Return"}
        </button>
      </div>
    </form>
  );
}
