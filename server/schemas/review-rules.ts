import { requiredTextProblem, textProblem } from "@/server/schemas/text-rules";

// The secretariat's review inputs, without zod: the zod schemas (commitments.ts) are built from
// these limits and labels, and the review forms check with them before sending.

export const REVIEW_COMMENT_MAX = 5000;
export const REVIEW_COMMENT_LABEL = "Review comment";
export const RATIONALE_MAX = 10_000;
export const RATIONALE_LABEL = "Rationale";

/** The review comment's first problem: optional to accept, required to return. */
export function reviewCommentProblem(decision: "accept" | "return", comment: string): string | null {
  return decision === "accept"
    ? textProblem(comment, REVIEW_COMMENT_MAX, REVIEW_COMMENT_LABEL)
    : requiredTextProblem(comment, REVIEW_COMMENT_MAX, REVIEW_COMMENT_LABEL);
}

/** The assessment rationale's first problem (required). */
export function rationaleProblem(rationale: string): string | null {
  return requiredTextProblem(rationale, RATIONALE_MAX, RATIONALE_LABEL);
}
