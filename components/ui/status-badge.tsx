// Status is never shown by colour alone: every badge has its text and a shape symbol.
import { useTranslations } from "next-intl";

const SYMBOLS: Record<string, string> = {
  not_started: "○",
  planned: "◔",
  in_progress: "◑",
  partially_implemented: "◕",
  implemented: "●",
  not_applicable: "–",
};

export function statusSymbol(key: string) {
  return SYMBOLS[key] ?? "◇";
}

export function StatusBadge({ statusKey, label }: { statusKey: string; label: string }) {
  return (
    <span className={`badge badge-status badge-${statusKey in SYMBOLS ? statusKey : "other"}`}>
      <span aria-hidden="true" className="badge-symbol">
        {statusSymbol(statusKey)}
      </span>
      {label}
    </span>
  );
}

const REVIEW_STATE_SYMBOLS = { DRAFT: "✎", SUBMITTED: "⧗", ACCEPTED: "✓", RETURNED: "↩" } as const;
type ReviewState = keyof typeof REVIEW_STATE_SYMBOLS;

function isReviewState(value: string): value is ReviewState {
  return value in REVIEW_STATE_SYMBOLS;
}

export function ReviewStateBadge({ reviewState }: { reviewState: string }) {
  const t = useTranslations("common.reviewStates");
  const shown = isReviewState(reviewState) ? { label: t(reviewState), symbol: REVIEW_STATE_SYMBOLS[reviewState] } : { label: reviewState, symbol: "•" };
  return (
    <span className={`badge badge-update badge-update-${reviewState.toLowerCase()}`}>
      <span aria-hidden="true" className="badge-symbol">
        {shown.symbol}
      </span>
      {shown.label}
    </span>
  );
}
