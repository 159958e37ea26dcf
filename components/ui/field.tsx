import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { PASSWORD_INPUT_MAX, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";

/**
 * A labelled form control with its hint and error. The control itself is passed as children and
 * must carry `id={id}`, `aria-invalid` and `aria-describedby={describedBy(id, ...)}`; InputField,
 * SelectField and TextAreaField do that wiring.
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
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's error message (nothing without one), for aria-describedby to point at by its id. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** The aria-describedby value for a control rendered inside <Field>. */
export function describedBy(id: string, options: { error?: string | null; hint?: boolean }) {
  return [options.hint ? `${id}-hint` : null, options.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Wiring = { id: string; label: ReactNode; error?: string | null; hint?: ReactNode };

function controlProps(id: string, error: string | null | undefined, hint: ReactNode) {
  return { id, "aria-invalid": Boolean(error), "aria-describedby": describedBy(id, { error, hint: Boolean(hint) }) };
}

/** An <input> in a <Field>, with its id, aria-invalid and aria-describedby. */
export function InputField({ id, label, error, hint, ...input }: Wiring & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input {...input} {...controlProps(id, error, hint)} />
    </Field>
  );
}

/** A <select> in a <Field>, with its id, aria-invalid and aria-describedby; the options are its children. */
export function SelectField({ id, label, error, hint, children, ...select }: Wiring & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select {...select} {...controlProps(id, error, hint)}>
        {children}
      </select>
    </Field>
  );
}

/** A <textarea> in a <Field>, with its id, aria-invalid and aria-describedby. */
export function TextAreaField({ id, label, error, hint, ...textarea }: Wiring & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea {...textarea} {...controlProps(id, error, hint)} />
    </Field>
  );
}

/** The password policy's lengths, for the hints of new-password fields ("8–128 characters…"). */
/** A whole-number percentage input (0 to 100), as progress is entered: spread into an InputField. */
export const PERCENT_INPUT = { type: "number", inputMode: "numeric", min: 0, max: 100, step: 1 } as const;

export const PASSWORD_LIMITS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/**
 * A password <input> in a <Field>: never autofilled into the wrong account (`autoComplete`), as
 * long as any form sends. A new password's hint words the policy (its lengths: PASSWORD_LIMITS).
 */
export function PasswordField({
  autoComplete = "new-password",
  ...input
}: Wiring & { autoComplete?: "current-password" | "new-password" } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "autoComplete">) {
  return <InputField type="password" autoComplete={autoComplete} maxLength={PASSWORD_INPUT_MAX} {...input} />;
}
