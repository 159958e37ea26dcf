"use client";

import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { TextAreaField } from "@/components/ui/field";
import { useCheckedForm, type CheckingSchema } from "@/components/ui/use-checked-form";
import { REVIEW_COMMENT_MAX } from "@/server/schemas/limits";
import { FormActions } from "@/components/ui/submit-button";

type Decision = "accept" | "return";

/**
 * Accept (the commitment takes the update's status) or return (with a required comment) one
 * submitted update, based on the version that was read. A stale decision saves nothing and says
 * who reviewed it first; the comment typed is kept.
 */
export function ReviewDecisionForm({
  update,
  title,
  onReviewed,
  onReload,
}: {
  update: { id: string; version: number };
  title: string;
  onReviewed: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const t = useTranslations("review.decision");
  const conflict: ConflictWording = { what: t("conflictWhat"), detail: t("conflictDetail") };
  const trpc = useTRPC();
  const accept = useMutation(trpc.review.accept.mutationOptions());
  const giveBack = useMutation(trpc.review.return.mutationOptions());
  const [pending, setPending] = useState<Decision | null>(null);
  // The API's own rules for the comment: optional to accept, required to return.
  const decision = useRef<Decision>("accept");
  const schema = () =>
    import("@/server/schemas/commitments").then(
      ({ ZAcceptUpdateInput, ZReturnUpdateInput }): CheckingSchema => ({
        "~standard": { validate: (value) => (decision.current === "accept" ? ZAcceptUpdateInput : ZReturnUpdateInput)["~standard"].validate(value) },
      }),
    );
  const input = ({ comment }: { comment: string }) =>
    decision.current === "accept"
      ? { updateId: update.id, expectedVersion: update.version, comment: comment.trim() || undefined }
      : { updateId: update.id, expectedVersion: update.version, comment };
  const form = useCheckedForm({ initial: { comment: "" }, ids: { comment: "review-comment" }, schema, input });

  async function decide(chosen: Decision) {
    if (pending) return;
    decision.current = chosen;
    setPending(chosen);
    const outcome = await form.submit(async () => {
      if (chosen === "accept") {
        await accept.mutateAsync(input(form.values) as Parameters<typeof accept.mutateAsync>[0]);
        toast.success(t("accepted", { title }));
      } else {
        await giveBack.mutateAsync(input(form.values) as Parameters<typeof giveBack.mutateAsync>[0]);
        toast.success(t("returned", { title }));
      }
    });
    setPending(null);
    if (outcome === "sent") await onReviewed();
    else if (outcome === "failed") toast.error(chosen === "accept" ? t("notAccepted") : t("notReturned"));
  }

  async function reload() {
    form.setConflict(null);
    await onReload();
  }

  return (
    <form
      className="stack review-decision"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void decide("accept");
      }}
      aria-labelledby="review-decision-heading"
    >
      <h3 id="review-decision-heading">{t("title")}</h3>
      <FormAlerts form={form} conflict={conflict} onReload={reload} />
      <TextAreaField
        label={t("comment")}
        hint={t("commentHint")}
        maxLength={REVIEW_COMMENT_MAX}
        {...form.field("comment")}
      />
      <FormActions busy={pending === "accept"} busyLabel={t("accepting")} disabled={pending !== null} submit={t("accept")}>
        <button type="button" className="button button-secondary" disabled={pending !== null} onClick={() => void decide("return")}>
          {pending === "return" ? t("returning") : t("return")}
        </button>
      </FormActions>
    </form>
  );
}
