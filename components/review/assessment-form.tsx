"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
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

// The API's rules (review-rules.ts), checked without zod; only the status gets a plainer message
// for "nothing chosen yet".
const STATUS_RULES = { validate: (value: string) => (!value ? "Choose the assessment status" : isId(value) ? true : ID_MESSAGE) };
const RATIONALE_RULES = { validate: (value: string) => rationaleProblem(value) ?? true };

const FIELD_IDS = { statusId: "assessment-status", rationale: "assessment-rationale", isPublic: "assessment-public" } as const;
type FieldName = keyof typeof FIELD_IDS;

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
  const record = useMutation(trpc.commitments.recordAssessment.mutationOptions());
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TAssessmentForm>({ defaultValues: { statusId: "", rationale: "", isPublic: false } });
  const { errors, isSubmitting } = form.formState;
  const summary: SummaryError[] = (Object.keys(FIELD_IDS) as FieldName[]).flatMap((name) => {
    const message = errors[name]?.message;
    return message ? [{ fieldId: FIELD_IDS[name], message }] : [];
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setConflict(null);
    try {
      await record.mutateAsync({ commitmentId, expectedVersion: version, ...values });
      toast.success("Assessment recorded.");
      form.reset({ statusId: "", rationale: "", isPublic: false });
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
      let shown = false;
      for (const name of Object.keys(FIELD_IDS) as FieldName[]) {
        if (fields[name]) {
          form.setError(name, { message: fields[name] });
          shown = true;
        }
      }
      if (!shown) setFailure(errorMessage(error));
      toast.error("The assessment was not recorded.");
    }
  });

  async function reload() {
    setConflict(null);
    await onReload();
  }

  return (
    <form className="stack" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="review-assessment-heading">
      <ErrorSummary errors={summary} />
      {conflict ? <ConflictAlert conflict={conflict} what="This commitment was changed" onReload={reload} /> : null}
      {failure ? (
        <div role="alert" className="alert alert-error">
          {failure}
        </div>
      ) : null}
      <Field id={FIELD_IDS.statusId} label="Assessment status" error={errors.statusId?.message}>
        <select
          id={FIELD_IDS.statusId}
          aria-invalid={errors.statusId ? true : undefined}
          aria-describedby={describedBy(FIELD_IDS.statusId, { error: errors.statusId?.message })}
          {...form.register("statusId", STATUS_RULES)}
        >
          <option value="">Choose a status</option>
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={FIELD_IDS.rationale} label="Rationale" hint="Why this rating: what was checked, what is missing." error={errors.rationale?.message}>
        <textarea
          id={FIELD_IDS.rationale}
          maxLength={RATIONALE_MAX}
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={describedBy(FIELD_IDS.rationale, { error: errors.rationale?.message, hint: true })}
          {...form.register("rationale", RATIONALE_RULES)}
        />
      </Field>
      <div className="field">
        <label className="checkbox" htmlFor={FIELD_IDS.isPublic}>
          <input id={FIELD_IDS.isPublic} type="checkbox" aria-describedby="assessment-public-hint" {...form.register("isPublic")} />
          Public
        </label>
        <p id="assessment-public-hint" className="field-hint">
          Public assessments appear in the public reports; others stay with the secretariat and the State.
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Record assessment"}
        </button>
      </div>
    </form>
  );
}
