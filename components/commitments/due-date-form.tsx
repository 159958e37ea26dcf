"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { toast } from "@/components/ui/toast";
import { InputField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { SubmitButton } from "@/components/ui/submit-button";
import { useCheckedForm, type CheckingSchema } from "@/components/ui/use-checked-form";

type TDueDateForm = { dueDate: string };

/**
 * A due date's form (empty: no due date), version-checked: a stale save says who changed the
 * record and when, and keeps the date typed. `mutation` saves `input(dueDate)`; `said` is what
 * the page then says.
 */
function DueDateForm<Input, Result>({
  idPrefix,
  texts,
  initial,
  schema,
  input,
  mutation,
  said,
  onSaved,
}: {
  idPrefix: string;
  texts: { heading: string; hint: string; conflict: string };
  initial: string | null;
  schema: () => Promise<CheckingSchema>;
  input: (dueDate: string | null) => Input;
  mutation: { mutateAsync: (input: Input) => Promise<Result>; isPending: boolean };
  said: (dueDate: string | null, result: Result) => string;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("dueDates");
  const ids = { dueDate: `${idPrefix}-due-date` };
  const form = useCheckedForm<TDueDateForm>({ initial: { dueDate: initial ?? "" }, ids, schema, input: (values) => input(values.dueDate || null) });
  const busy = mutation.isPending;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    let saying: string | null = null;
    const outcome = await form.submit(
      async () => {
        const dueDate = form.values.dueDate || null;
        saying = said(dueDate, await mutation.mutateAsync(input(dueDate)));
      },
      (refusal, message) => toast.error(refusal === "conflict" ? t("notSavedConflict") : message),
    );
    if (outcome === "sent" && saying) {
      toast.success(saying);
      await onSaved();
    }
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{texts.heading}</h2>
      <FormAlerts form={form} conflict={{ what: texts.conflict, after: t("conflictAfter"), detail: t("conflictDetail") }} onReload={onSaved} />
      <InputField label={t("dueDate")} hint={texts.hint} type="date" {...form.field("dueDate")} />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The secretariat's due date of one commitment. */
export function CommitmentDueDateForm({
  commitment,
  onSaved,
}: {
  commitment: { id: string; version: number; dueDate: string | null };
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("dueDates");
  const setDueDate = useMutation(useTRPC().commitments.setDueDate.mutationOptions());
  return (
    <DueDateForm
      texts={{ heading: t("commitmentHeading"), hint: t("commitmentHint"), conflict: t("commitmentConflict") }}
      idPrefix="commitment"
      initial={commitment.dueDate}
      schema={() => import("@/server/schemas/commitments").then((module) => module.ZSetDueDateInput)}
      input={(dueDate) => ({ commitmentId: commitment.id, expectedVersion: commitment.version, dueDate })}
      mutation={setDueDate}
      said={(dueDate) => (dueDate ? t("commitmentSaved") : t("commitmentCleared"))}
      onSaved={onSaved}
    />
  );
}

/** One due date for a published recommendation and every one of its commitments. */
export function RecommendationDueDateForm({
  recommendation,
  commitments,
  onSaved,
}: {
  recommendation: { id: string; version: number; dueDate: string | null };
  commitments: number;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("dueDates");
  const setDueDate = useMutation(useTRPC().recommendations.setDueDate.mutationOptions());
  return (
    <DueDateForm
      texts={{ heading: t("allHeading"), hint: t("allHint", { count: commitments }), conflict: t("recommendationConflict") }}
      idPrefix="recommendation"
      initial={recommendation.dueDate}
      schema={() => import("@/server/schemas/commitments").then((module) => module.ZSetRecommendationDueDateInput)}
      input={(dueDate) => ({ recommendationId: recommendation.id, expectedVersion: recommendation.version, dueDate })}
      mutation={setDueDate}
      said={(dueDate, result) => (dueDate ? t("allSaved", { count: result.commitments }) : t("allCleared", { count: result.commitments }))}
      onSaved={onSaved}
    />
  );
}
