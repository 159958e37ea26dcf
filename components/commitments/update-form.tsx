"use client";

import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc-provider";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { DateTime } from "@/components/ui/dates";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { MAX_EVIDENCE_LINKS, MAX_NARRATIVE, ZUpdateContent, type TUpdateContent } from "@/server/schemas/commitments";
import type { TScaleStatus, TUpdateView } from "@/components/commitments/types";

type Conflict = { changedBy: string | null; changedAt: string };

const FIELD_IDS: Record<string, string> = {
  statusId: "update-status",
  progress: "update-progress",
  narrative: "update-narrative",
  reportingPeriod: "update-period",
};

function fieldId(path: string) {
  const evidence = /^evidence\.(\d+)\.(title|url)$/.exec(path);
  if (evidence) return `evidence-${evidence[1]}-${evidence[2]}`;
  return FIELD_IDS[path] ?? "update-form";
}

function summarize(errors: FieldErrors<TUpdateContent>): SummaryError[] {
  const list: SummaryError[] = [];
  for (const key of ["statusId", "progress", "narrative", "reportingPeriod"] as const) {
    const message = errors[key]?.message;
    if (message) list.push({ fieldId: fieldId(key), message });
  }
  if (errors.evidence?.message) list.push({ fieldId: "evidence-add", message: errors.evidence.message });
  errors.evidence?.forEach?.((row, index) => {
    for (const key of ["title", "url"] as const) {
      const message = row?.[key]?.message;
      if (message) list.push({ fieldId: `evidence-${index}-${key}`, message: `Evidence link ${index + 1}: ${message}` });
    }
  });
  return list;
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
 * to their fields and in a summary; a stale save shows who changed it and keeps what was typed.
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
  const form = useForm<TUpdateContent>({ resolver: zodResolver(ZUpdateContent), defaultValues: initial, mode: "onSubmit" });
  const { register, handleSubmit, formState, setValue, setError, control } = form;
  const evidence = useFieldArray({ control, name: "evidence" });
  const saveDraft = useMutation(trpc.commitments.saveDraft.mutationOptions());
  const saveAndSubmit = useMutation(trpc.commitments.saveAndSubmit.mutationOptions());
  const pending = saveDraft.isPending || saveAndSubmit.isPending;
  const narrativeLength = useWatch({ control, name: "narrative" })?.length ?? 0;

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
      const byField = fieldErrors(error);
      const entries = Object.entries(byField);
      for (const [path, message] of entries) {
        const local = path.replace(/^content\./, "") as keyof TUpdateContent;
        setError(local, { type: "server", message });
      }
      setServerError(entries.length > 0 ? "Some fields need attention." : errorMessage(error));
      toast.error(entries.length > 0 ? "Some fields need attention." : errorMessage(error));
    }
  }

  const summary = summarize(formState.errors);
  const statusField = register("statusId", {
    onChange: (event: { target: { value: string } }) => {
      const status = statuses.find((candidate) => candidate.id === event.target.value);
      if (status) setValue("progress", status.defaultProgress, { shouldDirty: true });
    },
  });

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

      <Field id="update-status" label="Implementation status" error={formState.errors.statusId?.message}>
        <select id="update-status" aria-invalid={!!formState.errors.statusId} aria-describedby={describedBy("update-status", { error: formState.errors.statusId?.message })} {...statusField}>
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.label} ({status.defaultProgress}%)
            </option>
          ))}
        </select>
      </Field>

      <Field id="update-progress" label="Progress (%)" hint="0 to 100; set from the status, adjust if needed." error={formState.errors.progress?.message}>
        <input
          id="update-progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          aria-invalid={!!formState.errors.progress}
          aria-describedby={describedBy("update-progress", { hint: true, error: formState.errors.progress?.message })}
          {...register("progress", { valueAsNumber: true })}
        />
      </Field>

      <Field
        id="update-narrative"
        label="Progress note"
        hint={`What was done, with dates and responsible bodies. ${narrativeLength.toLocaleString()} / ${MAX_NARRATIVE.toLocaleString()} characters.`}
        error={formState.errors.narrative?.message}
      >
        <textarea
          id="update-narrative"
          rows={6}
          aria-invalid={!!formState.errors.narrative}
          aria-describedby={describedBy("update-narrative", { hint: true, error: formState.errors.narrative?.message })}
          {...register("narrative")}
        />
      </Field>

      <Field id="update-period" label="Reporting period" hint="For example 2026 Q4 (optional)." error={formState.errors.reportingPeriod?.message}>
        <input id="update-period" type="text" maxLength={100} aria-describedby={describedBy("update-period", { hint: true, error: formState.errors.reportingPeriod?.message })} {...register("reportingPeriod")} />
      </Field>

      <fieldset>
        <legend>Evidence links</legend>
        {evidence.fields.length === 0 ? <p className="muted">No evidence links yet. Add laws, decrees, reports or web pages that show the progress.</p> : null}
        {evidence.fields.map((row, index) => {
          const rowErrors = formState.errors.evidence?.[index];
          return (
            <fieldset key={row.id} className="evidence-row">
              <legend>Evidence link {index + 1}</legend>
              <Field id={`evidence-${index}-title`} label="Evidence title" error={rowErrors?.title?.message}>
                <input
                  id={`evidence-${index}-title`}
                  type="text"
                  maxLength={300}
                  aria-invalid={!!rowErrors?.title}
                  aria-describedby={describedBy(`evidence-${index}-title`, { error: rowErrors?.title?.message })}
                  {...register(`evidence.${index}.title`)}
                />
              </Field>
              <Field id={`evidence-${index}-url`} label="Evidence URL" error={rowErrors?.url?.message}>
                <input
                  id={`evidence-${index}-url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  maxLength={2000}
                  aria-invalid={!!rowErrors?.url}
                  aria-describedby={describedBy(`evidence-${index}-url`, { error: rowErrors?.url?.message })}
                  {...register(`evidence.${index}.url`)}
                />
              </Field>
              <label className="checkbox">
                <input type="checkbox" {...register(`evidence.${index}.isPublic`)} /> Public
                <span className="muted">(shown in the public reports once accepted)</span>
              </label>
              <div>
                <button type="button" className="button button-secondary button-small" onClick={() => evidence.remove(index)}>
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
          disabled={evidence.fields.length >= MAX_EVIDENCE_LINKS}
          onClick={() => evidence.append({ title: "", url: "", isPublic: true })}
        >
          Add evidence link
        </button>
      </fieldset>

      <div className="actions">
        <button type="button" className="button button-secondary" disabled={pending} onClick={handleSubmit((content) => save(content, false))}>
          {saveDraft.isPending ? "Saving…" : "Save draft"}
        </button>
        <button type="button" className="button" disabled={pending} onClick={handleSubmit((content) => save(content, true))}>
          {saveAndSubmit.isPending ? "Submitting…" : "Submit for review"}
        </button>
      </div>
    </form>
  );
}
