import type { ReactNode } from "react";

/**
 * A table that scrolls sideways inside its own box on narrow screens. The box is focusable and
 * named, so keyboard users can scroll it too (arrow keys) and screen readers announce it.
 */
export function ScrollTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
