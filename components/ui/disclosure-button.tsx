import type { ReactNode } from "react";

/** A button that shows and hides a panel (by its id), saying to screen readers whether it is open. */
export function DisclosureButton({ open, controls, onToggle, className, children }: { open: boolean; controls: string; onToggle: () => void; className: string; children: ReactNode }) {
  return (
    <button type="button" className={className} aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {children}
    </button>
  );
}

/** The panel a DisclosureButton controls: its content is rendered only while it is open (a form in it starts afresh). */
export function DisclosurePanel({ id, open, className, children }: { id: string; open: boolean; className: string; children: ReactNode }) {
  return (
    <div id={id} className={className} hidden={!open}>
      {open ? children : null}
    </div>
  );
}

/** A DisclosureButton on a line of its own (`label` says what pressing it does) above the panel it shows and hides. */
export function Disclosure({
  id,
  open,
  onToggle,
  buttonClassName,
  label,
  className,
  children,
}: {
  id: string;
  open: boolean;
  onToggle: () => void;
  buttonClassName: string;
  label: ReactNode;
  className: string;
  children: ReactNode;
}) {
  return (
    <>
      <div>
        <DisclosureButton className={buttonClassName} open={open} controls={id} onToggle={onToggle}>
          {label}
        </DisclosureButton>
      </div>
      <DisclosurePanel id={id} className={className} open={open}>
        {children}
      </DisclosurePanel>
    </>
  );
}
