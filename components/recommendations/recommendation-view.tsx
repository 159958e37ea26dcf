"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorCode, useErrorMessage } from "@/components/ui/api-errors";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CalendarDate, DateTime } from "@/components/ui/dates";
import {
  PublicationBadge,
  RecommendationText,
  countAddressedStates,
  formatSourceOption,
  type RecommendationChoices,
  type RecommendationDetail,
} from "@/components/recommendations/recommendation-display";
import { ConflictAlert, ErrorAlert } from "@/components/ui/form-alerts";
import type { Conflict } from "@/components/recommendations/recommendation-form";
import { UprDetails } from "@/components/recommendations/upr-details";
import { SourcePassage } from "@/components/recommendations/source-passage";
import { HistoryLink } from "@/components/history/history-link";

// A draft shows the recommendation form, a published recommendation its translations, due date and
// addressees: each page loads the forms of its own kind only. The published recommendation's three
// forms are secondary to what the page shows and load once it is interactive (their code is not in
// the page's first load, which would otherwise pass the workspace budget).
const RecommendationForm = dynamic(() => import("@/components/recommendations/recommendation-form").then((module) => module.RecommendationForm));
const RecommendationTranslationsForm = dynamic(() => import("@/components/recommendations/translation-fields").then((module) => module.RecommendationTranslationsForm), { ssr: false });
const RecommendationDueDateForm = dynamic(() => import("@/components/commitments/due-date-form").then((module) => module.RecommendationDueDateForm), { ssr: false });
const AddStatesForm = dynamic(() => import("@/components/recommendations/add-states-form").then((module) => module.AddStatesForm), { ssr: false });

/** Who the recommendation is addressed to, in words. */
function Addressees({ recommendation }: { recommendation: RecommendationDetail }) {
  const t = useTranslations("recommendations.view");
  const labels = useReferenceLabels();
  const chosen = recommendation.addressees.map((addressee) => addressee.state);
  const named = chosen.map((state) => (state.kind === "PARTNER" ? t("partnerVoluntary", { name: labels.state(state) }) : labels.state(state))).join(", ");
  if (!recommendation.addressAllParticipating) return <>{named}</>;
  return <>{chosen.length > 0 ? t("allParticipatingAnd", { names: named }) : t("allParticipating")}</>;
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
  const t = useTranslations("recommendations");
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
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

  function failed(error: unknown, what: "published" | "deleted") {
    const stale = conflictOf(error);
    if (stale) {
      setConflict(stale);
      toast.error(what === "published" ? t("view.notPublishedConflict") : t("view.notDeletedConflict"));
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
      setSuccess(t("view.published", { count: result.created }));
      toast.success(t("view.publishedToast", { reference: recommendation.reference, count: result.created }));
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
      toast.success(t("view.deleted", { reference: recommendation.reference }));
      await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      router.push("/recommendations");
    } catch (error) {
      failed(error, "deleted");
    }
  }

  return (
    <div className="stack">
      <p>
        <Link href="/recommendations">{t("view.back")}</Link>
      </p>
      <h1>{isDraft ? t("view.draftTitle", { reference: recommendation.reference }) : t("view.title", { reference: recommendation.reference })}</h1>
      <HistoryLink entity="recommendation" id={recommendation.id} />

      {success ? (
        <div role="status" className="alert alert-success">
          {success}
        </div>
      ) : null}
      {conflict ? (
        <ConflictAlert conflict={conflict} what={t("conflict.what")} after={t("view.conflictAfter")} onReload={reload} />
      ) : null}
      <ErrorAlert message={actionError} />

      <dl className="facts">
        <dt>{t("view.status")}</dt>
        <dd>
          <PublicationBadge publication={recommendation.publication} />
          {recommendation.publishedAt
            ? t.rich("view.publishedOn", { date: () => <DateTime value={recommendation.publishedAt!} /> })
            : null}
        </dd>
        <dt>{t("view.source")}</dt>
        <dd lang={recommendation.source.titleLang}>
          <Link href={`/sources/${recommendation.source.id}`}>{formatSourceOption(recommendation.source)}</Link>
        </dd>
        <dt>{t("view.commitments")}</dt>
        <dd>
          {recommendation._count.commitments}
          {isDraft ? <span className="muted">{t("view.createdWhenPublished")}</span> : null}
          {!isDraft && recommendation._count.commitments > 0
            ? t.rich("view.findThem", {
                link: (chunks) => <Link href={`/commitments?q=${encodeURIComponent(recommendation.reference)}`}>{chunks}</Link>,
              })
            : null}
        </dd>
        {!isDraft ? (
          <>
            <dt>{t("view.dueDate")}</dt>
            <dd>{recommendation.dueDate ? <CalendarDate value={recommendation.dueDate} /> : t("none")}</dd>
            <dt>{t("view.scale")}</dt>
            <dd>{recommendation.scale.name}</dd>
            <dt>{t("view.themes")}</dt>
            <dd>{recommendation.themes.length > 0 ? recommendation.themes.map((theme) => labels.theme(theme)).join(", ") : t("none")}</dd>
            <dt>{t("view.addressedTo")}</dt>
            <dd>
              <Addressees recommendation={recommendation} />
            </dd>
          </>
        ) : null}
      </dl>
      <SourcePassage recommendation={recommendation} />
      <UprDetails recommendation={recommendation} />

      {isDraft ? (
        <>
          <section className="card stack" aria-labelledby="publish-title">
            <h2 id="publish-title">{t("view.publish")}</h2>
            <p>{t("view.publishExplained", { count: addressedCount })}</p>
            {dirty ? (
              <p id="publish-dirty" className="alert alert-warning">
                {t("view.unsavedBeforePublishing")}
              </p>
            ) : null}
            <div className="actions">
              <ConfirmButton
                className="button"
                title={t("view.publishConfirmTitle")}
                message={t("view.publishConfirm", { reference: recommendation.reference, count: addressedCount })}
                confirmLabel={t("view.publish")}
                onConfirm={() => void publishNow()}
                disabled={dirty || publish.isPending || remove.isPending}
              >
                {publish.isPending ? t("view.publishing") : t("view.publish")}
              </ConfirmButton>
              <ConfirmButton
                className="button button-secondary"
                title={t("view.deleteConfirmTitle")}
                message={t("view.deleteConfirm", { reference: recommendation.reference })}
                confirmLabel={t("view.deleteDraft")}
                onConfirm={() => void deleteNow()}
                disabled={publish.isPending || remove.isPending}
              >
                {remove.isPending ? t("view.deleting") : t("view.deleteDraft")}
              </ConfirmButton>
            </div>
          </section>

          <section className="stack" aria-labelledby="edit-title">
            <h2 id="edit-title">{t("view.editDraft")}</h2>
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
            <h2 id="text-title">{t("view.text")}</h2>
            <RecommendationText recommendation={recommendation} as="p" className="recommendation-text" />
          </section>
          <section className="card" aria-labelledby="translations-title">
            <RecommendationTranslationsForm
              key={recommendation.version}
              recommendation={recommendation}
              onSaved={(saved) => {
                queryClient.setQueryData(trpc.recommendations.get.queryKey({ id: saved.id }), saved);
                void queryClient.invalidateQueries({ queryKey: trpc.recommendations.list.pathKey() });
              }}
              onReload={refresh}
            />
          </section>
          <div className="card">
            <RecommendationDueDateForm key={recommendation.version} recommendation={recommendation} commitments={recommendation._count.commitments} onSaved={refresh} />
          </div>
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
