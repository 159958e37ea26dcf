"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { TScaleStatus } from "@/components/review/review-links";
import { RATIONALE_MAX } from "@/server/schemas/limits";
import { SubmitButton } from "@/components/ui/submit-button";

type TAssessmentForm = { statusId: string; rationale: string; isPublic: boolean };
const EMPTY: TAssessmentForm = { statusId: "", rationale: "", isPublic: false };
const IDS = { statusId: "assessment-status", rationale: "assessment-rationale", isPublic: "assessment-public" };

/** The API's rules, with a plainer message for "nothing chosen yet". */
const chosen = (values: TAssessmentForm) => (values.statusId ? {} : { statusId: "Choose the assessment status" });

const CONFLICT: ConflictWording = { what: "This commitment was changed", detail: "Nothing was saved; what you typed is kept. Reload to see where it stands." };

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
  const input = (values: TAssessmentForm) => ({ commitmentId, expectedVersion: version, ...values });
  const form = useCheckedForm({ initial: EMPTY, ids: IDS, schema: () => import("@/server/schemas/commitments").then((module) => module.ZRecordAssessmentInput), input, refine: chosen });
  const { values, field, change } = form;

  async function onSubmit() {
    if (record.isPending) return;
    const outcome = await form.submit(() => record.mutateAsync(input(values)));
    if (outcome === "sent") {
      toast.success("Assessment recorded.");
      form.reset(EMPTY);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: commitmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: commitmentId }) }),
      ]);
    } else if (outcome === "fields" || outcome === "failed") toast.error("The assessment was not recorded.");
  }

  async function reload() {
    form.setConflict(null);
    await onReload();
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      aria-labelledby="review-assessment-heading"
    >
      <FormAlerts form={form} conflict={CONFLICT} onReload={reload} />
      <SelectField label="Assessment status" {...field("statusId")}>
        <option value="">Choose a status</option>
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>
            {status.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Rationale" hint="Why this rating: what was checked, what is missing." maxLength={RATIONALE_MAX} {...field("rationale")} />
      <div className="field">
        <label className="checkbox" htmlFor={IDS.isPublic}>
          <input
            id={IDS.isPublic}
            type="checkbox"
            aria-describedby="assessment-public-hint"
            name="isPublic"
            checked={values.isPublic}
            onChange={(event) => change({ isPublic: event.target.checked })}
          />
          Public
        </label>
        <p id="assessment-public-hint" className="field-hint">
          Public assessments appear in the public reports; others stay with the secretariat and the State.
        </p>
      </div>
      <div className="actions">
        <SubmitButton busy={record.isPending} busyLabel="Saving…">
          Record assessment
        </SubmitButton>
      </div>
    </form>
  );
}
