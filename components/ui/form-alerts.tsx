"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/dates";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { Conflict } from "@/components/ui/api-errors";
import type { CheckedForm } from "@/components/ui/use-checked-form";

/**
 * An alert that takes focus when it appears, so a message about a failed save is seen (and read)
 * even when the button that caused it is far below.
 */
export function FocusedAlert({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={className}>
      {children}
    </div>
  );
}

/**
 * The words of a stale save's alert, in the reader's language (the form's own catalog): the title
 * is `errors.form.conflictTitle`, "{what} by {name} at <time>{after}".
 */
export type ConflictWording = {
  /** "This update was changed": followed by " by <name> at <time>". */
  what: string;
  /** Who, when the server does not say ("someone else" by default). */
  someone?: string;
  /** After the time: "." (the default) or " while you were editing.". */
  after?: string;
  /** What happened to what was typed, and what Reload does. */
  detail?: string;
  reloadLabel?: string;
};

/** A stale save: nothing was saved; who changed the record and when, and a way to reload. */
export function ConflictAlert({
  conflict,
  what,
  someone,
  after = ".",
  detail,
  reloadLabel,
  onReload,
}: ConflictWording & { conflict: Conflict; onReload: () => Promise<void> | void }) {
  const t = useTranslations("errors.form");
  const [reloading, setReloading] = useState(false);
  return (
    <FocusedAlert className="alert alert-warning stack">
      <p className="alert-title">
        {t.rich("conflictTitle", { what, name: conflict.changedBy ?? someone ?? t("someoneElse"), after, time: () => <DateTime value={conflict.changedAt} /> })}
      </p>
      {detail ? <p>{detail}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={reloading}
          onClick={async () => {
            setReloading(true);
            try {
              await onReload();
            } finally {
              setReloading(false);
            }
          }}
        >
          {reloading ? t("reloading") : (reloadLabel ?? t("reload"))}
        </button>
      </div>
    </FocusedAlert>
  );
}

/** A request that failed for a reason that is not a field's (the server, the network). */
export function ErrorAlert({ message }: { message: string | null }) {
  return message ? <FocusedAlert className="alert alert-error">{message}</FocusedAlert> : null;
}

/** The top of every form: a stale save, the error summary, then any other failure. */
export function FormAlerts({ form, conflict, onReload }: { form: CheckedForm; conflict?: ConflictWording; onReload?: () => Promise<void> | void }) {
  return (
    <>
      {form.conflict && conflict && onReload ? <ConflictAlert conflict={form.conflict} onReload={onReload} {...conflict} /> : null}
      <ErrorSummary errors={form.summary} />
      {form.summary.length === 0 ? <ErrorAlert message={form.formError} /> : null}
    </>
  );
}
