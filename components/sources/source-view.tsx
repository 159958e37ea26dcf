"use client";

import { HistoryLink } from "@/components/history/history-link";
import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { toast } from "@/components/ui/toast";
import { errorCode, useErrorMessage } from "@/components/ui/api-errors";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CalendarDate } from "@/components/ui/dates";
import { Disclosure } from "@/components/ui/disclosure-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/form-alerts";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { CountLine, DataTable } from "@/components/ui/data-table";
import {
  RecommendationText,
  TranslatedText,
  useSourceKindLabel,
  type RecommendationSummary,
} from "@/components/recommendations/recommendation-display";
import { SourceForm } from "@/components/recommendations/new-source-form";
import { publicationColumns } from "@/components/recommendations/recommendation-columns";
import { SOURCE_RECOMMENDATIONS_PAGE_SIZE, type SourceDetail } from "@/components/sources/source-display";
import { BackLink } from "@/components/ui/back-link";

type RecommendationPage = { items: RecommendationSummary[]; nextCursor: string | null };

/** The secretariat's action on a source's drafts: publish them all at once, or nothing. */
function PublishAllDrafts({ source, onPublished }: { source: SourceDetail; onPublished: () => Promise<void> }) {
  const trpc = useTRPC();
  const t = useTranslations("sources.publishAll");
  const errorMessage = useErrorMessage();
  const publish = useMutation(trpc.sources.publishDrafts.mutationOptions());
  const [result, setResult] = useState<{ published: number; created: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function publishNow() {
    setResult(null);
    setFailure(null);
    try {
      const outcome = await publish.mutateAsync({ sourceId: source.id, drafts: source.drafts });
      setResult(outcome);
      toast.success(t("done", outcome));
      await onPublished();
    } catch (error) {
      setFailure(errorMessage(error));
      toast.error(errorMessage(error));
      if (errorCode(error) !== "NOT_FOUND") await onPublished();
    }
  }

  return (
    <section className="card stack" aria-labelledby="publish-all-title">
      <h2 id="publish-all-title">{t("heading")}</h2>
      {result ? (
        <div role="status" className="alert alert-success">
          {t("done", result)}
        </div>
      ) : null}
      <ErrorAlert message={failure} />
      {source.drafts > 0 ? (
        <>
          <p>{t("explained", { count: source.drafts })}</p>
          <div className="actions">
            <ConfirmButton
              className="button"
              title={t("confirmTitle")}
              message={t("confirm", { count: source.drafts })}
              confirmLabel={t("button")}
              onConfirm={() => void publishNow()}
              disabled={publish.isPending}
            >
              {publish.isPending ? t("publishing") : t("button")}
            </ConfirmButton>
          </div>
        </>
      ) : (
        <p className="muted">{t("none")}</p>
      )}
    </section>
  );
}

/** The source's recommendations, drafts too for the secretariat, a page at a time. */
function SourceRecommendations({ sourceId, initialPage, linked }: { sourceId: string; initialPage: RecommendationPage; linked: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations("sources.view");
  const pages = useCursorPages();
  const list = useQuery(
    trpc.recommendations.list.queryOptions(
      { sourceId, limit: SOURCE_RECOMMENDATIONS_PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
      { initialData: pages.page === 1 ? initialPage : undefined, placeholderData: keepPreviousData },
    ),
  );
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="source-recommendations-title">
      <h2 id="source-recommendations-title">{t("recommendations")}</h2>
      <CountLine busy={list.isFetching} className="muted">
        {items.length > 0 ? t("showing", { count: items.length, page: pages.page }) : ""}
      </CountLine>
      <DataTable
        caption={t("recommendationsCaption", { page: pages.page })}
        className="rec-table"
        rows={items}
        rowKey={(item) => item.id}
        busy={list.isFetching}
        empty={list.isPending ? null : <EmptyState title={t("noRecommendations")} />}
        columns={[
          {
            key: "reference",
            header: t("reference"),
            className: "rec-nowrap",
            rowHeader: true,
            cell: (item) => (linked ? <Link href={`/recommendations/${item.id}`}>{item.reference}</Link> : item.reference),
          },
          { key: "text", header: t("recommendation"), className: "rec-excerpt", cell: (item) => <RecommendationText recommendation={item} maxLength={200} /> },
          ...publicationColumns({ publication: t("publication"), dueDate: t("dueDate"), commitments: t("commitments"), none: t("none") }),
        ]}
      />
      <PageButtons pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </section>
  );
}

/**
 * One source: what it is, in the reader's language, and its recommendations with their
 * publication state. The secretariat also edits it and publishes all its drafts here.
 */
export function SourceView({ initial, initialPage, secretariat }: { initial: SourceDetail; initialPage: RecommendationPage; secretariat: boolean }) {
  const trpc = useTRPC();
  const t = useTranslations("sources.view");
  const locale = useLocale();
  const kindLabel = useSourceKindLabel();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.sources.get.queryOptions({ id: initial.id }, { initialData: initial }));
  const source = query.data ?? initial;
  const [editing, setEditing] = useState(false);

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.sources.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.recommendations.list.pathKey() }),
    ]);
  }

  return (
    <article className="stack">
      <BackLink href="/sources">{t("back")}</BackLink>
      <header>
        <h1>
          <TranslatedText text={source.title} lang={source.titleLang} isFallback={source.isFallback} />
        </h1>
      </header>
      <dl className="facts">
        <dt>{t("kind")}</dt>
        <dd>{kindLabel(source.kind)}</dd>
        <dt>{t("date")}</dt>
        <dd>
          <CalendarDate value={source.date} />
        </dd>
        {source.location ? (
          <>
            <dt>{t("location")}</dt>
            <dd>{source.location}</dd>
          </>
        ) : null}
        <dt>{t("link")}</dt>
        <dd>
          {source.link ? (
            <a href={source.link} rel="noopener noreferrer" target="_blank">
              {source.link}
            </a>
          ) : (
            <span className="muted">{t("none")}</span>
          )}
        </dd>
        <dt>{t("counts")}</dt>
        <dd>{secretariat ? t("countsWithDrafts", { count: source._count.recommendations, drafts: source.drafts }) : t("countsPublished", { count: source._count.recommendations })}</dd>
      </dl>
      {source.description ? (
        <section aria-labelledby="source-description-title">
          <h2 id="source-description-title">{t("description")}</h2>
          <TranslatedText text={source.description} lang={source.descriptionLang} isFallback={source.descriptionLang !== locale} as="p" className="recommendation-text" />
        </section>
      ) : null}

      {secretariat ? (
        <>
          <HistoryLink entity="source" id={source.id} />
          <PublishAllDrafts source={source} onPublished={refresh} />
          <Disclosure
            id="edit-source-panel"
            open={editing}
            onToggle={() => setEditing((open) => !open)}
            buttonClassName="button button-secondary"
            label={editing ? t("closeEdit") : t("edit")}
            className="card"
          >
            <SourceForm
              key={source.version}
              idPrefix="edit-source"
              source={source}
              onSaved={() => {
                setEditing(false);
                void refresh();
              }}
              onReload={refresh}
            />
          </Disclosure>
        </>
      ) : null}

      <SourceRecommendations sourceId={source.id} initialPage={initialPage} linked={secretariat} />
    </article>
  );
}
