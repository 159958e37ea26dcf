import type { ReactNode } from "react";

/** What to show when a list is empty: say so, and say what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p className="empty-state-title">{title}</p>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

/** A filtered list that came back empty: say so, and offer to clear the filters. */
export function NoMatches({ title, clearLabel, onClear }: { title: string; clearLabel: string; onClear: () => void }) {
  return (
    <EmptyState title={title}>
      Change the search or the filters, or{" "}
      <button type="button" className="link-button" onClick={onClear}>
        {clearLabel}
      </button>
      .
    </EmptyState>
  );
}
