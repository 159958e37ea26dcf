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
