"use client";

import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { DateTime } from "@/components/ui/dates";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { MAX_EVIDENCE_LINKS, MAX_NARRATIVE, updateContentProblems } from "@/server/schemas/update-content-rules";
import type { TUpdateContent } from "@/server/schemas/commitments";
import type { TScaleStatus, TUpdateView } from "@/components/commitments/types";

type Conflict = { changedBy: string | null; changedAt: string };

// The form's own state: progress as typed (a number input may be empty), evidence rows with a
// stable key so that removing one keeps the others' inputs.
type EvidenceRow = TUpdateContent["evidence"][number] & { key: number };
type FormValues = { statusId: string; progress: string; narrative: string; reportingPeriod: string; evidence: EvidenceRow[] };
/** Messages by field path, as the API names them without "content.": "narrative", "evidence.0.url". */
type Errors = Record<string, string>;

const FIELD_IDS: Record<string, string> = {
  statusId: "update-status",
  progress: "update-progress",
  narrative: "update-narrative",
  reportingPeriod: "update-period",
  evidence: "evidence-add",
};

function fieldId(path: string) {
  const evidence = /^evidence\.(\d+)\.(title|url)$/.exec(path);
  if (evidence) return `evidence-${evidence[1]}-${evidence[2]}`;
  return FIELD_IDS[path] ?? "update-form";
}

/** The summary lists the errors in the order of the fields. */
function summarize(errors: Errors, rows: number): SummaryError[] {
  const list: SummaryError[] = [];
  for (const path of ["statusId", "progress", "narrative", "reportingPeriod", "evidence"]) {
    if (errors[path]) list.push({ fieldId: fieldId(path), message: errors[path] });
  }
  for (let index = 0; index < rows; index += 1) {
    for (const key of ["title", "url"]) {
      const message = errors[`evidence.${index}.${key}`];
      if (message) list.push({ fieldId: `evidence-${index}-${key}`, message: `Evidence link ${index + 1}: ${message}` });
    }
  }
  return list;
}

function contentOf(values: FormValues): TUpdateContent {
  return {
    statusId: values.statusId,
    // An empty or unreadable number is not 0: it is reported as "must be a number".
    progress: values.progress.trim() === "" ? Number.NaN : Number(values.progress),
    narrative: values.narrative,
    reportingPeriod: values.reportingPeriod,
    evidence: values.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })),
  };
}

/** After a row is removed, the errors of the rows below it move up with them. */
function withoutRow(errors: Errors, removed: number): Errors {
  const next: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    const row = /^evidence\.(\d+)\.(.+)$/.exec(path);
    if (!row) next[path] = message;
    else if (Number(row[1]) < removed) next[path] = message;
    else if (Number(row[1]) > removed) next[`evidence.${Number(row[1]) - 1}.${row[2]}`] = message;
  }
  return next;
}

export function contentFrom(update: TUpdateView | null, statuses: TScaleStatus[]): TUpdateContent {
  if (!update) {
    const first = statuses[0];
    return { statusId: first?.id ?? "", progress: first?.defaultProgress ?? 0, narrative: "", reportingPeriod: "", evidence: [] };
  }
  return {
    statusId: update.status.id,
    progress: update.progress,
    narrative: update.narrative,
    reportingPeriod: update.reportingPeriod ?? "",
    evidence: update.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })),
  };
}

/**
 * The focal point's update form: save a draft, or submit it for review. Field errors appear next
 * to their fields and in a summary: the form checks the API's rules before sending (without zod,
 * see update-content-rules.ts) and shows the API's own field errors when it refuses. After a first
 * attempt, a field is checked again as it changes. A stale save shows who changed it and keeps
 * what was typed.
 */
export function UpdateForm({
  commitmentId,
  draft,
  initial,
  statuses,
  onSaved,
  onReload,
}: {
  commitmentId: string;
  draft: { id: string; version: number } | null;
  initial: TUpdateContent;
  statuses: TScaleStatus[];
  onSaved: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>(() => ({
    statusId: initial.statusId,
    progress: String(initial.progress),
    narrative: initial.narrative,
    reportingPeriod: initial.reportingPeriod ?? "",
    evidence: initial.evidence.map((link, index) => ({ ...link, key: index })),
  }));
  const nextRowKey = useRef(initial.evidence.length);
  const [errors, setErrors] = useState<Errors>({});
  // Fields are checked as they change only once the form was sent (or tried) once.
  const [attempted, setAttempted] = useState(false);
  const saveDraft = useMutation(trpc.commitments.saveDraft.mutationOptions());
  const saveAndSubmit = useMutation(trpc.commitments.saveAndSubmit.mutationOptions());
  const pending = saveDraft.isPending || saveAndSubmit.isPending;

  /** Changes some fields; after an attempt, the errors of the changed paths follow the new values. */
  function change(update: (current: FormValues) => FormValues, paths: string[]) {
    const next = update(values);
    setValues(next);
    if (!attempted) return;
    const problems = updateContentProblems(contentOf(next));
    setErrors((current) => {
      const merged = { ...current };
      for (const path of paths) {
        if (problems[path]) merged[path] = problems[path];
        else delete merged[path];
      }
      return merged;
    });
  }

  function changeRow(index: number, field: "title" | "url" | "isPublic", value: string | boolean) {
    change(
      (current) => ({ ...current, evidence: current.evidence.map((row, at) => (at === index ? { ...row, [field]: value } : row)) }),
      [`evidence.${index}.${field}`],
    );
  }

  function addRow() {
    const key = nextRowKey.current;
    nextRowKey.current += 1;
    change((current) => ({ ...current, evidence: [...current.evidence, { title: "", url: "", isPublic: true, key }] }), ["evidence"]);
  }

  function removeRow(index: number) {
    setErrors((current) => withoutRow(current, index));
    change((current) => ({ ...current, evidence: current.evidence.filter((_, at) => at !== index) }), ["evidence"]);
  }

  async function save(content: TUpdateContent, submit: boolean) {
    setConflict(null);
    setServerError(null);
    const input = {
      commitmentId,
      ...(draft ? { updateId: draft.id, expectedVersion: draft.version } : {}),
      content: { ...content, reportingPeriod: content.reportingPeriod || undefined },
    };
    try {
      await (submit ? saveAndSubmit : saveDraft).mutateAsync(input);
      toast.success(submit ? "Submitted for review." : "Draft saved.");
      await onSaved();
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        return;
      }
      const byField: Errors = {};
      for (const [path, message] of Object.entries(fieldErrors(error))) byField[path.replace(/^content\./, "")] = message;
      const some = Object.keys(byField).length > 0;
      setErrors(byField);
      setServerError(some ? "Some fields need attention." : errorMessage(error));
      toast.error(some ? "Some fields need attention." : errorMessage(error));
    }
  }

  function send(submit: boolean) {
    const content = contentOf(values);
    const problems = updateContentProblems(content);
    setAttempted(true);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    void save(content, submit);
  }

  const summary = summarize(errors, values.evidence.length);

  return (
    <form id="update-form" className="stack" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="update-form-title">
      <h2 id="update-form-title">{draft ? "Your draft update" : "Report progress"}</h2>
      {conflict ? (
        <div role="alert" className="alert alert-warning">
          <p className="alert-title">
            This update was changed by {conflict.changedBy ?? "someone else"} at <DateTime value={conflict.changedAt} /> while you were
            editing.
          </p>
          <p>Your text is still in the form below. Reload the latest version to continue from it (your changes here will be replaced).</p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void onReload()}>
              Reload the latest version
            </button>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />
      {serverError && summary.length === 0 ? (
        <div role="alert" className="alert alert-error">
          {serverError}
        </div>
      ) : null}

      <Field id="update-status" label="Implementation status" error={errors.statusId}>
        <select
          id="update-status"
          name="statusId"
          value={values.statusId}
          aria-invalid={!!errors.statusId}
          aria-describedby={describedBy("update-status", { error: errors.statusId })}
          onChange={(event) => {
            const statusId = event.target.value;
            const status = statuses.find((candidate) => candidate.id === statusId);
            // The progress follows the status; it can be adjusted afterwards.
            change((current) => ({ ...current, statusId, progress: status ? String(status.defaultProgress) : current.progress }), ["statusId", "progress"]);
          }}
        >
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.label} ({status.defaultProgress}%)
            </option>
          ))}
        </select>
      </Field>

      <Field id="update-progress" label="Progress (%)" hint="0 to 100; set from the status, adjust if needed." error={errors.progress}>
        <input
          id="update-progress"
          name="progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={values.progress}
          aria-invalid={!!errors.progress}
          aria-describedby={describedBy("update-progress", { hint: true, error: errors.progress })}
          onChange={(event) => {
            const progress = event.target.value;
            change((current) => ({ ...current, progress }), ["progress"]);
          }}
        />
      </Field>

      <Field
        id="update-narrative"
        label="Progress note"
        hint={`What was done, with dates and responsible bodies. Shown in the public reports once accepted. ${values.narrative.length.toLocaleString()} / ${MAX_NARRATIVE.toLocaleString()} characters.`}
        error={errors.narrative}
      >
        <textarea
          id="update-narrative"
          name="narrative"
          rows={6}
          value={values.narrative}
          aria-invalid={!!errors.narrative}
          aria-describedby={describedBy("update-narrative", { hint: true, error: errors.narrative })}
          onChange={(event) => {
            const narrative = event.target.value;
            change((current) => ({ ...current, narrative }), ["narrative"]);
          }}
        />
      </Field>

      <Field id="update-period" label="Reporting period" hint="For example 2026 Q4 (optional)." error={errors.reportingPeriod}>
        <input
          id="update-period"
          name="reportingPeriod"
          type="text"
          maxLength={100}
          value={values.reportingPeriod}
          aria-invalid={!!errors.reportingPeriod}
          aria-describedby={describedBy("update-period", { hint: true, error: errors.reportingPeriod })}
          onChange={(event) => {
            const reportingPeriod = event.target.value;
            change((current) => ({ ...current, reportingPeriod }), ["reportingPeriod"]);
          }}
        />
      </Field>

      <fieldset>
        <legend>Evidence links</legend>
        {values.evidence.length === 0 ? <p className="muted">No evidence links yet. Add laws, decrees, reports or web pages that show the progress.</p> : null}
        {values.evidence.map((row, index) => {
          const titleError = errors[`evidence.${index}.title`];
          const urlError = errors[`evidence.${index}.url`];
          return (
            <fieldset key={row.key} className="evidence-row">
              <legend>Evidence link {index + 1}</legend>
              <Field id={`evidence-${index}-title`} label="Evidence title" error={titleError}>
                <input
                  id={`evidence-${index}-title`}
                  name={`evidence.${index}.title`}
                  type="text"
                  maxLength={300}
                  value={row.title}
                  aria-invalid={!!titleError}
                  aria-describedby={describedBy(`evidence-${index}-title`, { error: titleError })}
                  onChange={(event) => changeRow(index, "title", event.target.value)}
                />
              </Field>
              <Field id={`evidence-${index}-url`} label="Evidence URL" error={urlError}>
                <input
                  id={`evidence-${index}-url`}
                  name={`evidence.${index}.url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  maxLength={2000}
                  value={row.url}
                  aria-invalid={!!urlError}
                  aria-describedby={describedBy(`evidence-${index}-url`, { error: urlError })}
                  onChange={(event) => changeRow(index, "url", event.target.value)}
                />
              </Field>
              <label className="checkbox">
                <input type="checkbox" name={`evidence.${index}.isPublic`} checked={row.isPublic} onChange={(event) => changeRow(index, "isPublic", event.target.checked)} /> Public
                <span className="muted">(shown in the public reports once accepted)</span>
              </label>
              <div>
                <button type="button" className="button button-secondary button-small" onClick={() => removeRow(index)}>
                  Remove evidence link {index + 1}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          id="evidence-add"
          type="button"
          className="button button-secondary"
          disabled={values.evidence.length >= MAX_EVIDENCE_LINKS}
          aria-describedby={errors.evidence ? "evidence-error" : undefined}
          onClick={addRow}
        >
          Add evidence link
        </button>
        {errors.evidence ? (
          <p id="evidence-error" className="field-error">
            <span aria-hidden="true">⚠ </span>
            {errors.evidence}
          </p>
        ) : null}
      </fieldset>

      <div className="actions">
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => send(false)}>
          {saveDraft.isPending ? "Saving…" : "Save draft"}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => send(true)}>
          {saveAndSubmit.isPending ? "Submitting…" : "Submit for review"}
        </button>
      </div>
    </form>
  );
}
