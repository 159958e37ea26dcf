"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorCode, errorMessage } from "@/components/ui/api-errors";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import { AddStatesForm } from "@/components/recommendations/add-states-form";
import {
  PublicationBadge,
  countAddressedStates,
  formatSourceOption,
  type RecommendationChoices,
  type RecommendationDetail,
} from "@/components/recommendations/recommendation-display";
import { ConflictAlert, ErrorAlert } from "@/components/ui/form-alerts";
import { RecommendationForm, type Conflict } from "@/components/recommendations/recommendation-form";

function commitmentsCreated(count: number) {
  return `${count} ${count === 1 ? "commitment" : "commitments"} created`;
}


/** Who the recommendation is addressed to, in words. */
function Addressees({ recommendation }: { recommendation: RecommendationDetail }) {
  const chosen = recommendation.addressees.map((addressee) => addressee.state);
  const named = chosen.map((state) => `${state.name}${state.kind === "PARTNER" ? " (Partner, voluntary)" : ""}`).join(", ");
  if (!recommendation.addressAllParticipating) return <>{named}</>;
  return <>{chosen.length > 0 ? `All participating States and ${named}` : "All participating States"}</>;
}

/**
 * One recommendation for the secretariat: a draft is edited, published or deleted here; a
 * published one is read-only, shows its commitments and can be addressed to more States.
 */
export function RecommendationView({
  initial,
  sources,
  themes,
  scales,
  states,
}: RecommendationChoices & { initial: RecommendationDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const query = useQuery(trpc.recommendations.get.queryOptions({ id: initial.id }, { initialData: initial }));
  const recommendation = query.data ?? initial;
  const [success, setSuccess] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const publish = useMutation(trpc.recommendations.publish.mutationOptions());
  const remove = useMutation(trpc.recommendations.delete.mutationOptions());
  const isDraft = recommendation.publication === "DRAFT";
  const addressedCount = countAddressedStates(
    states,
    recommendation.addressAllParticipating,
    recommendation.addressees.map((addressee) => addressee.state.id),
  );

  async function refresh() {
    // The list and this recommendation both change; refetching the query here waits for it.
    await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
  }

  async function reload() {
    await refresh();
    setConflict(null);
    setActionError(null);
  }

  function failed(error: unknown, what: string) {
    const stale = conflictOf(error);
    if (stale) {
      setConflict(stale);
      toast.error(`Not ${what}: someone else changed this recommendation.`);
      return;
    }
    setActionError(errorMessage(error));
    toast.error(errorMessage(error));
    // Refused because it is no longer a draft (published meanwhile): show it as it is now.
    if (errorCode(error) === "BAD_REQUEST") void refresh();
  }

  async function publishNow() {
    setSuccess(null);
    setActionError(null);
    setConflict(null);
    try {
      const result = await publish.mutateAsync({ recommendationId: recommendation.id, expectedVersion: recommendation.version });
      const message = `Published: ${commitmentsCreated(result.created)}`;
      setSuccess(message);
      toast.success(`${recommendation.reference} published: ${commitmentsCreated(result.created)}.`);
      await refresh();
    } catch (error) {
      failed(error, "published");
    }
  }

  async function deleteNow() {
    setActionError(null);
    setConflict(null);
    try {
      await remove.mutateAsync({ id: recommendation.id, expectedVersion: recommendation.version });
      toast.success(`Draft ${recommendation.reference} deleted.`);
      await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      router.push("/recommendations");
    } catch (error) {
      failed(error, "deleted");
    }
  }

  return (
    <div className="stack">
      <p>
        <Link href="/recommendations">← All recommendations</Link>
      </p>
      <h1>
        {isDraft ? "Draft " : "Recommendation "}
        {recommendation.reference}
      </h1>

      {success ? (
        <div role="status" className="alert alert-success">
          {success}
        </div>
      ) : null}
      {conflict ? (
        <ConflictAlert conflict={conflict} what="This recommendation was changed" after=" after you opened it. Nothing was changed by your action." onReload={reload} />
      ) : null}
      <ErrorAlert message={actionError} />

      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <PublicationBadge publication={recommendation.publication} />
          {recommendation.publishedAt ? (
            <>
              {" "}
              on <DateTime value={recommendation.publishedAt} />
            </>
          ) : null}
        </dd>
        <dt>Source</dt>
        <dd>{formatSourceOption(recommendation.source)}</dd>
        <dt>Commitments</dt>
        <dd>
          {recommendation._count.commitments}
          {isDraft ? <span className="muted"> (created when published)</span> : null}
          {!isDraft && recommendation._count.commitments > 0 ? (
            <>
              {" "}
              (<Link href={`/commitments?q=${encodeURIComponent(recommendation.reference)}`}>find them in the commitments list</Link>)
            </>
          ) : null}
        </dd>
        {!isDraft ? (
          <>
            <dt>Due date</dt>
            <dd>{recommendation.dueDate ? <CalendarDate value={recommendation.dueDate} /> : "None"}</dd>
            <dt>Status scale</dt>
            <dd>{recommendation.scale.name}</dd>
            <dt>Themes</dt>
            <dd>{recommendation.themes.length > 0 ? recommendation.themes.map((theme) => theme.label).join(", ") : "None"}</dd>
            <dt>Addressed to</dt>
            <dd>
              <Addressees recommendation={recommendation} />
            </dd>
          </>
        ) : null}
      </dl>

      {isDraft ? (
        <>
          <section className="card stack" aria-labelledby="publish-title">
            <h2 id="publish-title">Publish</h2>
            <p>
              Publishing gives each of the {addressedCount} addressed {addressedCount === 1 ? "State" : "States"} a commitment. A published
              recommendation can no longer be edited, but more States can be added to it.
            </p>
            {dirty ? (
              <p id="publish-dirty" className="alert alert-warning">
                You have unsaved changes below. Save them before publishing.
              </p>
            ) : null}
            <div className="actions">
              <ConfirmButton
                className="button"
                title="Publish this recommendation?"
                message={`Publish ${recommendation.reference} to ${addressedCount} ${addressedCount === 1 ? "State" : "States"}? Each gets a commitment.`}
                confirmLabel="Publish"
                onConfirm={() => void publishNow()}
                disabled={dirty || publish.isPending || remove.isPending}
              >
                {publish.isPending ? "Publishing…" : "Publish"}
              </ConfirmButton>
              <ConfirmButton
                className="button button-secondary"
                title="Delete this draft?"
                message={`Delete the draft ${recommendation.reference}? This cannot be undone.`}
                confirmLabel="Delete draft"
                onConfirm={() => void deleteNow()}
                disabled={publish.isPending || remove.isPending}
              >
                {remove.isPending ? "Deleting…" : "Delete draft"}
              </ConfirmButton>
            </div>
          </section>

          <section className="stack" aria-labelledby="edit-title">
            <h2 id="edit-title">Edit the draft</h2>
            <RecommendationForm
              key={recommendation.version}
              recommendation={recommendation}
              {...{ sources, themes, scales, states }}
              onDirtyChange={setDirty}
              onSaved={(saved) => {
                queryClient.setQueryData(trpc.recommendations.get.queryKey({ id: saved.id }), saved);
                void queryClient.invalidateQueries({ queryKey: trpc.recommendations.list.pathKey() });
              }}
              onReload={refresh}
            />
          </section>
        </>
      ) : (
        <>
          <section aria-labelledby="text-title">
            <h2 id="text-title">Text</h2>
            <p className="recommendation-text">{recommendation.text}</p>
          </section>
          <section className="card" aria-labelledby="add-states-title">
            <AddStatesForm
              recommendation={recommendation}
              states={states}
              onConflict={setConflict}
              onAdded={async (message) => {
                setSuccess(message);
                await refresh();
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
