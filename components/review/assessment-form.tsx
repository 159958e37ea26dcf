"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field, describedBy } from "@/components/ui/field";
import { ConflictAlert } from "@/components/review/conflict-alert";
import type { TConflict, TScaleStatus } from "@/components/review/review-links";
import { RATIONALE_MAX, rationaleProblem } from "@/server/schemas/review-rules";
import { ID_MESSAGE, isId } from "@/server/schemas/text-rules";

type TAssessmentForm = { statusId: string; rationale: string; isPublic: boolean };
const EMPTY: TAssessmentForm = { statusId: "", rationale: "", isPublic: false };

const FIELD_IDS = { statusId: "assessment-status", rationale: "assessment-rationale", isPublic: "assessment-public" } as const;
type FieldName = keyof typeof FIELD_IDS;
type Errors = Partial<Record<FieldName, string>>;

// The API's rules (review-rules.ts), checked without zod; only the status gets a plainer message
// for "nothing chosen yet".
function problemsOf(values: TAssessmentForm): Errors {
  const errors: Errors = {};
  if (!values.statusId) errors.statusId = "Choose the assessment status";
  else if (!isId(values.statusId)) errors.statusId = ID_MESSAGE;
  const rationale = rationaleProblem(values.rationale);
  if (rationale) errors.rationale = rationale;
  return errors;
}

/** The secretariat's independent assessment of the commitment, based on the commitment's version. */
export function AssessmentForm({
  commitmentId,
  version,
  statuses,
  onReload,
}: {
  commitmentId: string;
  version: number;
  statuses: TScaleStatus[];
  onReload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useMutation(trpc.review.assess.mutationOptions());
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [values, setValues] = useState<TAssessmentForm>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  // After a first attempt, a field is checked again as it changes.
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const summary: SummaryError[] = (Object.keys(FIELD_IDS) as FieldName[]).flatMap((name) => {
    const message = errors[name];
    return message ? [{ fieldId: FIELD_IDS[name], message }] : [];
  });

  function change<K extends FieldName>(name: K, value: TAssessmentForm[K]) {
    const next = { ...values, [name]: value };
    setValues(next);
    if (attempted) setErrors((current) => ({ ...current, [name]: problemsOf(next)[name] }));
  }

  async function onSubmit() {
    if (submitting) return;
    const problems = problemsOf(values);
    setAttempted(true);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setFailure(null);
    setConflict(null);
    setSubmitting(true);
    try {
      await record.mutateAsync({ commitmentId, expectedVersion: version, ...values });
      toast.success("Assessment recorded.");
      setValues(EMPTY);
      setAttempted(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: commitmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: commitmentId }) }),
      ]);
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        return;
      }
      const fields = fieldErrors(error);
      const shown: Errors = {};
      for (const name of Object.keys(FIELD_IDS) as FieldName[]) {
        if (fields[name]) shown[name] = fields[name];
      }
      setErrors(shown);
      if (Object.keys(shown).length === 0) setFailure(errorMessage(error));
      toast.error("The assessment was not recorded.");
    } finally {
      setSubmitting(false);
    }
  }

  async function reload() {
    setConflict(null);
    await onReload();
  }

  return (
    <form className="stack" noValidate onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }} aria-labelledby="review-assessment-heading">
      <ErrorSummary errors={summary} />
      {conflict ? <ConflictAlert conflict={conflict} what="This commitment was changed" onReload={reload} /> : null}
      {failure ? (
        <div role="alert" className="alert alert-error">
          {failure}
        </div>
      ) : null}
      <Field id={FIELD_IDS.statusId} label="Assessment status" error={errors.statusId}>
        <select
          id={FIELD_IDS.statusId}
          aria-invalid={errors.statusId ? true : undefined}
          aria-describedby={describedBy(FIELD_IDS.statusId, { error: errors.statusId })}
          name="statusId"
          value={values.statusId}
          onChange={(event) => change("statusId", event.target.value)}
        >
          <option value="">Choose a status</option>
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={FIELD_IDS.rationale} label="Rationale" hint="Why this rating: what was checked, what is missing." error={errors.rationale}>
        <textarea
          id={FIELD_IDS.rationale}
          maxLength={RATIONALE_MAX}
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={describedBy(FIELD_IDS.rationale, { error: errors.rationale, hint: true })}
          name="rationale"
          value={values.rationale}
          onChange={(event) => change("rationale", event.target.value)}
        />
      </Field>
      <div className="field">
        <label className="checkbox" htmlFor={FIELD_IDS.isPublic}>
          <input
            id={FIELD_IDS.isPublic}
            type="checkbox"
            aria-describedby="assessment-public-hint"
            name="isPublic"
            checked={values.isPublic}
            onChange={(event) => change("isPublic", event.target.checked)}
          />
          Public
        </label>
        <p id="assessment-public-hint" className="field-hint">
          Public assessments appear in the public reports; others stay with the secretariat and the State.
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? "Saving…" : "Record assessment"}
        </button>
      </div>
    </form>
  );
}
