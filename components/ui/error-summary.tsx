"use client";

import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";

export type SummaryError = { fieldId: string; message: string };

/** The list of a form's errors at its top, focused when it appears, each linking to its field. */
export function ErrorSummary({ errors, title }: { errors: SummaryError[]; title?: string }) {
  const t = useTranslations("errors.form");
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors.length]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="alert alert-error error-summary" aria-labelledby={titleId}>
      <h2 id={titleId} className="alert-title">
        {title ?? t("summaryTitle")}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.fieldId}-${error.message}`}>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
