import type { ReactNode } from "react";

/** A button that shows and hides a panel (by its id), saying to screen readers whether it is open. */
export function DisclosureButton({ open, controls, onToggle, className, children }: { open: boolean; controls: string; onToggle: () => void; className: string; children: ReactNode }) {
  return (
    <button type="button" className={className} aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {children}
    </button>
  );
}
