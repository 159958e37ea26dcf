// Status is never shown by colour alone: every badge has its text and a shape symbol.

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

const REVIEW_STATES: Record<string, { label: string; symbol: string }> = {
  DRAFT: { label: "Draft", symbol: "✎" },
  SUBMITTED: { label: "Submitted for review", symbol: "⧗" },
  ACCEPTED: { label: "Accepted", symbol: "✓" },
  RETURNED: { label: "Returned", symbol: "↩" },
};

/** An update's review state; `label` is its name in the reader's language (the English name otherwise). */
export function ReviewStateBadge({ reviewState, label }: { reviewState: string; label?: string }) {
  const known = REVIEW_STATES[reviewState] ?? { label: reviewState, symbol: "•" };
  const shown = label ? { ...known, label } : known;
  return (
    <span className={`badge badge-update badge-update-${reviewState.toLowerCase()}`}>
      <span aria-hidden="true" className="badge-symbol">
        {shown.symbol}
      </span>
      {shown.label}
    </span>
  );
}
