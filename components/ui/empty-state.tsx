import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

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
  const t = useTranslations("common");
  return (
    <EmptyState title={title}>
      {t.rich("noMatches", {
        clearLabel,
        clear: (chunks) => (
          <button type="button" className="link-button" onClick={onClear}>
            {chunks}
          </button>
        ),
      })}
    </EmptyState>
  );
}
