import type { ReactNode } from "react";

/**
 * A labelled form control with its hint and error. The control itself is passed as children and
 * must carry `id={id}`, `aria-invalid` and `aria-describedby={describedBy(id, ...)}`.
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby value for a control rendered inside <Field>. */
export function describedBy(id: string, options: { error?: string | null; hint?: boolean }) {
  return [options.hint ? `${id}-hint` : null, options.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}
