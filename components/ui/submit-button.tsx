import type { ReactNode } from "react";

/** A form's submit button: it says what is happening ("Saving…") while `busy`, and is disabled then. */
export function SubmitButton({
  busy,
  busyLabel,
  disabled = false,
  className = "button",
  children,
}: {
  busy: boolean;
  busyLabel: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className={className} disabled={busy || disabled}>
      {busy ? busyLabel : children}
    </button>
  );
}

/**
 * A form's footer: its submit button (`submit`, with the button's own props) and what goes beside
 * it (`children`: a cancel button, a note).
 */
export function FormActions({ submit, children, ...button }: { submit: ReactNode; children?: ReactNode } & Omit<Parameters<typeof SubmitButton>[0], "children">) {
  return (
    <div className="actions">
      <SubmitButton {...button}>{submit}</SubmitButton>
      {children}
    </div>
  );
}
