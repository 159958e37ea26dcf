"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import type { Conflict } from "@/components/ui/api-errors";
import { EmptyState } from "@/components/ui/empty-state";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FieldError } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { RecommendationDetail, StateOption } from "@/components/recommendations/recommendation-display";
import { StatePicker } from "@/components/recommendations/state-picker";
import { FormActions } from "@/components/ui/submit-button";

/** The States a published recommendation does not reach yet. */
function unaddressedStates(recommendation: RecommendationDetail, states: StateOption[]) {
  const addressed = new Set(recommendation.addressees.map((addressee) => addressee.state.id));
  return states.filter(
    (state) => !addressed.has(state.id) && !(recommendation.addressAllParticipating && state.kind === "PARTICIPATING"),
  );
}

/**
 * Addressing more States after publishing: each new State gets its commitment at once. A stale
 * version (someone else added States or published meanwhile) names who and when.
 */
export function AddStatesForm({
  recommendation,
  states,
  onAdded,
  onConflict,
}: {
  recommendation: RecommendationDetail;
  states: StateOption[];
  onAdded: (message: string) => Promise<void>;
  onConflict: (conflict: Conflict) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations("recommendations");
  const add = useMutation(trpc.recommendations.addAddressees.mutationOptions());
  const input = ({ stateIds }: { stateIds: string[] }) => ({ recommendationId: recommendation.id, expectedVersion: recommendation.version, stateIds });
  const available = unaddressedStates(recommendation, states);
  const firstTarget = available.some((state) => state.kind === "PARTICIPATING") ? "add-all-participating" : "add-all-partners";
  const form = useCheckedForm({ initial: { stateIds: [] as string[] }, ids: { stateIds: firstTarget }, schema: () => import("@/server/schemas/recommendations").then((module) => module.ZAddAddresseesInput), input });
  const chosen = form.values.stateIds;
  const error = form.errors.stateIds;

  if (available.length === 0) {
    return (
      <>
        <h2 id="add-states-title">{t("addStates.title")}</h2>
        <EmptyState title={t("addStates.allAddressed")}>{t("addStates.noMore")}</EmptyState>
      </>
    );
  }

  async function submit() {
    if (add.isPending) return;
    await form.submit(
      async () => {
        const result = await add.mutateAsync(input(form.values));
        const message = t("addStates.added", { count: result.created });
        toast.success(message);
        form.reset({ stateIds: [] });
        await onAdded(message);
      },
      (_outcome, message, conflict) => {
        if (conflict) onConflict(conflict);
        toast.error(conflict ? t("notSavedConflict") : message);
      },
    );
  }

  return (
    <form
      className="stack"
      noValidate
      aria-labelledby="add-states-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="add-states-title">{t("addStates.title")}</h2>
      <p className="muted">{t("addStates.explained")}</p>
      <FormAlerts form={form} />
      <FieldError id="add-states-error" message={error} />
      <StatePicker
        idPrefix="add"
        states={available}
        value={chosen}
        onChange={(stateIds) => form.change({ stateIds })}
        describedById={error ? "add-states-error" : undefined}
      />
      <FormActions busy={add.isPending} busyLabel={t("adding")} submit={chosen.length > 0 ? t("addStates.addCount", { count: chosen.length }) : t("addStates.title")} />
    </form>
  );
}
