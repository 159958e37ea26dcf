"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { TScaleStatus } from "@/components/review/review-links";
import { RATIONALE_MAX } from "@/server/schemas/limits";
import { FormActions } from "@/components/ui/submit-button";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

type TAssessmentForm = { statusId: string; rationale: string; isPublic: boolean };
const EMPTY: TAssessmentForm = { statusId: "", rationale: "", isPublic: false };
const IDS = { statusId: "assessment-status", rationale: "assessment-rationale", isPublic: "assessment-public" };


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
  const t = useTranslations("review.assessment");
  const refs = useReferenceLabels();
  const conflict: ConflictWording = { what: t("conflictWhat"), detail: t("conflictDetail") };
  /** The API's rules, with a plainer message for "nothing chosen yet". */
  const chosen = (values: TAssessmentForm) => (values.statusId ? {} : { statusId: t("chooseStatusError") });
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
      toast.success(t("recorded"));
      form.reset(EMPTY);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.commitments.get.queryKey({ id: commitmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.commitments.history.queryKey({ id: commitmentId }) }),
      ]);
    } else if (outcome === "fields" || outcome === "failed") toast.error(t("notRecorded"));
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
      <FormAlerts form={form} conflict={conflict} onReload={reload} />
      <SelectField label={t("status")} {...field("statusId")}>
        <option value="">{t("chooseStatus")}</option>
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>
            {refs.status(status)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t("rationale")} hint={t("rationaleHint")} maxLength={RATIONALE_MAX} {...field("rationale")} />
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
          {t("public")}
        </label>
        <p id="assessment-public-hint" className="field-hint">
          {t("publicHint")}
        </p>
      </div>
      <FormActions busy={record.isPending} busyLabel={t("saving")} submit={t("record")} />
    </form>
  );
}
