"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { FocusedAlert } from "@/components/recommendations/focused-alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldError } from "@/components/ui/field";
import type { RecommendationDetail, StateOption } from "@/components/recommendations/recommendation-display";
import { StatePicker } from "@/components/recommendations/state-picker";
import type { Conflict } from "@/components/recommendations/recommendation-form";
import { addedStatesProblem } from "@/server/schemas/recommendation-rules";

/** The States a published recommendation does not reach yet. */
function unaddressedStates(recommendation: RecommendationDetail, states: StateOption[]) {
  const addressed = new Set(recommendation.addressees.map((addressee) => addressee.state.id));
  return states.filter(
    (state) => !addressed.has(state.id) && !(recommendation.addressAllParticipating && state.kind === "PARTICIPATING"),
  );
}

function commitmentsCreated(count: number) {
  return `${count} ${count === 1 ? "commitment" : "commitments"} created`;
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
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const add = useMutation(trpc.recommendations.addAddressees.mutationOptions());
  const available = unaddressedStates(recommendation, states);
  const firstTarget = available.some((state) => state.kind === "PARTICIPATING") ? "add-all-participating" : "add-all-partners";

  if (available.length === 0) {
    return (
      <>
        <h2 id="add-states-title">Add States</h2>
        <EmptyState title="Every State is already addressed.">There are no more States to add to this recommendation.</EmptyState>
      </>
    );
  }

  async function submit() {
    setServerError(null);
    const problem = addedStatesProblem(chosen);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    try {
      const result = await add.mutateAsync({
        recommendationId: recommendation.id,
        expectedVersion: recommendation.version,
        stateIds: chosen,
      });
      const message = `States added: ${commitmentsCreated(result.created)}`;
      toast.success(message);
      setChosen([]);
      await onAdded(message);
    } catch (caught) {
      const stale = conflictOf(caught);
      if (stale) {
        onConflict(stale);
        toast.error("Not saved: someone else changed this recommendation.");
        return;
      }
      const byField = fieldErrors(caught).stateIds;
      if (byField) setError(byField);
      else setServerError(errorMessage(caught));
      toast.error(byField ?? errorMessage(caught));
    }
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
      <h2 id="add-states-title">Add States</h2>
      <p className="muted">Each State you add gets its commitment at once. States already addressed are not listed.</p>
      <ErrorSummary errors={error ? [{ fieldId: firstTarget, message: error }] : []} />
      {serverError ? (
        <FocusedAlert className="alert alert-error">
          {serverError}
        </FocusedAlert>
      ) : null}
      <FieldError id="add-states-error" message={error} />
      <StatePicker
        idPrefix="add"
        states={available}
        value={chosen}
        onChange={(ids) => {
          setChosen(ids);
          if (ids.length > 0) setError(null);
        }}
        describedById={error ? "add-states-error" : undefined}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? "Adding…" : chosen.length > 0 ? `Add ${chosen.length} ${chosen.length === 1 ? "State" : "States"}` : "Add States"}
        </button>
      </div>
    </form>
  );
}
