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
 * record and when, and keeps the date typed. `send` saves it and answers what the page says.
 */
function DueDateForm({
  idPrefix,
  heading,
  hint,
  initial,
  schema,
  input,
  send,
  conflictWhat,
  busy,
  onSaved,
  onReload,
}: {
  idPrefix: string;
  heading: string;
  hint: string;
  initial: string | null;
  schema: () => Promise<CheckingSchema>;
  input: (dueDate: string | null) => unknown;
  send: (dueDate: string | null) => Promise<string>;
  conflictWhat: string;
  busy: boolean;
  onSaved: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const t = useTranslations("dueDates");
  const ids = { dueDate: `${idPrefix}-due-date` };
  const form = useCheckedForm<TDueDateForm>({ initial: { dueDate: initial ?? "" }, ids, schema, input: (values) => input(values.dueDate || null) });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    let said: string | null = null;
    const outcome = await form.submit(
      async () => {
        said = await send(form.values.dueDate || null);
      },
      (refusal, message) => toast.error(refusal === "conflict" ? t("notSavedConflict") : message),
    );
    if (outcome === "sent" && said) {
      toast.success(said);
      await onSaved();
    }
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{heading}</h2>
      <FormAlerts form={form} conflict={{ what: conflictWhat, after: t("conflictAfter"), detail: t("conflictDetail") }} onReload={onReload} />
      <InputField label={t("dueDate")} hint={hint} type="date" {...form.field("dueDate")} />
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
  const trpc = useTRPC();
  const t = useTranslations("dueDates");
  const setDueDate = useMutation(trpc.commitments.setDueDate.mutationOptions());
  const input = (dueDate: string | null) => ({ commitmentId: commitment.id, expectedVersion: commitment.version, dueDate });
  return (
    <DueDateForm
      idPrefix="commitment"
      heading={t("commitmentHeading")}
      hint={t("commitmentHint")}
      initial={commitment.dueDate}
      schema={() => import("@/server/schemas/commitments").then((module) => module.ZSetDueDateInput)}
      input={input}
      send={async (dueDate) => {
        await setDueDate.mutateAsync(input(dueDate));
        return dueDate ? t("commitmentSaved") : t("commitmentCleared");
      }}
      conflictWhat={t("commitmentConflict")}
      busy={setDueDate.isPending}
      onSaved={onSaved}
      onReload={onSaved}
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
  const trpc = useTRPC();
  const t = useTranslations("dueDates");
  const setDueDate = useMutation(trpc.recommendations.setDueDate.mutationOptions());
  const input = (dueDate: string | null) => ({ recommendationId: recommendation.id, expectedVersion: recommendation.version, dueDate });
  return (
    <DueDateForm
      idPrefix="recommendation"
      heading={t("allHeading")}
      hint={t("allHint", { count: commitments })}
      initial={recommendation.dueDate}
      schema={() => import("@/server/schemas/commitments").then((module) => module.ZSetRecommendationDueDateInput)}
      input={input}
      send={async (dueDate) => {
        const result = await setDueDate.mutateAsync(input(dueDate));
        return dueDate ? t("allSaved", { count: result.commitments }) : t("allCleared", { count: result.commitments });
      }}
      conflictWhat={t("recommendationConflict")}
      busy={setDueDate.isPending}
      onSaved={onSaved}
      onReload={onSaved}
    />
  );
}
