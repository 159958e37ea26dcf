"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { useTRPC } from "@/components/trpc-provider";
import { useErrorMessage } from "@/components/ui/api-errors";
import { DisclosureButton, DisclosurePanel } from "@/components/ui/disclosure-button";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { ClearFilters, FilterBar, FilterSearch, FilterSelect, sourceOptions, themeOptions } from "@/components/ui/filter-bar";
import {
  RECOMMENDATIONS_PAGE_SIZE as PAGE_SIZE,
  RecommendationText,
  TranslatedText,
  formatSourceOption,
  type RecommendationSummary,
  type SourceOption,
  type ThemeOption,
} from "@/components/recommendations/recommendation-display";
import { NewSourceForm } from "@/components/recommendations/new-source-form";
import { publicationColumns } from "@/components/recommendations/recommendation-columns";


type Filters = { sourceId: string; publication: "" | "DRAFT" | "PUBLISHED"; themeKey: string; search: string };
const publicationOf = (value: string): Filters["publication"] => (value === "DRAFT" || value === "PUBLISHED" ? value : "");
const NO_FILTERS: Filters = { sourceId: "", publication: "", themeKey: "", search: "" };

function listInput(filters: Filters, cursor: string | undefined) {
  return {
    limit: PAGE_SIZE,
    ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
    ...(filters.publication ? { publication: filters.publication } : {}),
    ...(filters.themeKey ? { themeKey: filters.themeKey } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

// The formats' own names, the same in every language.
const DOWNLOADS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
] as const;

/** The list under its filters as a recommendation file (the format the import reads back). */
function ListDownloads({ filters }: { filters: Filters }) {
  const t = useTranslations("imports.export");
  const query = (format: string) =>
    new URLSearchParams({
      format,
      ...(filters.sourceId ? { source: filters.sourceId } : {}),
      ...(filters.publication ? { publication: filters.publication } : {}),
      ...(filters.themeKey ? { theme: filters.themeKey } : {}),
      ...(filters.search.trim() ? { q: filters.search.trim() } : {}),
    }).toString();
  return (
    <div className="actions export-links" role="group" aria-label={t("label")}>
      <span className="muted">{t("intro")}</span>
      {DOWNLOADS.map(({ format, label }) => (
        <a key={format} className="button button-secondary button-small" href={`/api/recommendations/export?${query(format)}`} download>
          {label}
        </a>
      ))}
    </div>
  );
}

/** The secretariat's list of recommendations, drafts and published, with filters and pages. */
export function RecommendationList({
  initialPage,
  sources: initialSources,
  themes,
}: {
  initialPage: { items: RecommendationSummary[]; nextCursor: string | null };
  sources: SourceOption[];
  themes: ThemeOption[];
}) {
  const trpc = useTRPC();
  const t = useTranslations("recommendations");
  const tImports = useTranslations("imports");
  const errorMessage = useErrorMessage();
  const labels = useReferenceLabels();
  const publicationOptions = [
    { value: "DRAFT", label: t("publication.DRAFT") },
    { value: "PUBLISHED", label: t("publication.PUBLISHED") },
  ];
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [searchText, setSearchText] = useState("");
  const pages = useCursorPages();
  const { reset } = pages;
  const [showSourceForm, setShowSourceForm] = useState(false);
  const [newSource, setNewSource] = useState<{ id: string; title: string } | null>(null);
  const input = listInput(filters, pages.cursor);
  const isInitial = pages.page === 1 && filters === NO_FILTERS;

  const sources = useQuery(trpc.sources.list.queryOptions(undefined, { initialData: initialSources }));
  const list = useQuery(
    trpc.recommendations.list.queryOptions(input, {
      initialData: isInitial ? initialPage : undefined,
      placeholderData: keepPreviousData,
    }),
  );

  // Typing in the search waits for a pause before asking the server.
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => {
      setFilters((current) => ({ ...current, search: searchText }));
      reset();
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText, filters.search, reset]);

  function setFilter<K extends keyof Filters>(key: K, value: Filters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
    pages.reset();
  }

  function clearFilters() {
    setSearchText("");
    setFilters(NO_FILTERS);
    pages.reset();
  }

  const filtered = filters.sourceId !== "" || filters.publication !== "" || filters.themeKey !== "" || filters.search.trim() !== "";
  const items = list.data?.items ?? [];
  const page = pages.page;
  const sourceList = sources.data ?? initialSources;

  return (
    <div className="stack">
      <div className="actions rec-page-actions">
        <Link href="/recommendations/new" className="button">
          {t("list.newRecommendation")}
        </Link>
        <Link href="/recommendations/import" className="button button-secondary">
          {tImports("link")}
        </Link>
        <DisclosureButton className="button button-secondary" open={showSourceForm} controls="new-source-panel" onToggle={() => setShowSourceForm((open) => !open)}>
          {showSourceForm ? t("closeSourceForm") : t("list.newSource")}
        </DisclosureButton>
      </div>

      {newSource ? (
        <div role="status" className="alert alert-success">
          {t.rich("list.sourceAdded", {
            title: newSource.title,
            link: (chunks) => <Link href={`/recommendations/new?source=${encodeURIComponent(newSource.id)}`}>{chunks}</Link>,
          })}
        </div>
      ) : null}

      <DisclosurePanel id="new-source-panel" className="card" open={showSourceForm}>
        <NewSourceForm
          idPrefix="list-source"
          onCreated={(source) => {
            setNewSource(source);
            setShowSourceForm(false);
          }}
        />
      </DisclosurePanel>

      <FilterBar label={t("list.filterLabel")} className="rec-filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSearch id="filter-search" placeholder={t("list.searchPlaceholder")} value={searchText} onChange={setSearchText} />
        <FilterSelect id="filter-source" label={t("list.source")} allLabel={t("list.allSources")} options={sourceOptions(sourceList, formatSourceOption)} value={filters.sourceId} onChange={(value) => setFilter("sourceId", value)} />
        <FilterSelect id="filter-status" label={t("list.status")} allLabel={t("list.draftAndPublished")} options={publicationOptions} value={filters.publication} onChange={(value) => setFilter("publication", publicationOf(value))} />
        <FilterSelect id="filter-theme" label={t("list.theme")} allLabel={t("list.allThemes")} options={themeOptions(themes.map((theme) => ({ key: theme.key, label: labels.theme(theme) })))} value={filters.themeKey} onChange={(value) => setFilter("themeKey", value)} />
        <ClearFilters shown={filtered || searchText !== ""} onClear={clearFilters} />
      </FilterBar>

      <ListDownloads filters={filters} />

      <CountLine busy={list.isFetching} busyText={t("loading")} className="muted">
        {list.isError || items.length === 0
          ? ""
          : page > 1 || list.data?.nextCursor
            ? t("list.showingOnPage", { count: items.length, page })
            : t("list.showing", { count: items.length })}
      </CountLine>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          {t("list.loadFailed", { message: errorMessage(list.error) })}{" "}
          <button type="button" className="button button-small button-secondary" onClick={() => void list.refetch()}>
            {t("list.tryAgain")}
          </button>
        </div>
      ) : (
        <DataTable
          caption={t("list.caption", { page })}
          className="rec-table"
          rows={items}
          rowKey={(item) => item.id}
          busy={list.isFetching}
          empty={
            list.isPending ? null : filtered ? (
              <NoMatches title={t("list.noMatches")} clearLabel={t("list.clearFilters")} onClear={clearFilters} />
            ) : (
              <EmptyState title={t("list.empty")}>{t("list.emptyHint")}</EmptyState>
            )
          }
          columns={[
            { key: "reference", header: t("list.reference"), className: "rec-nowrap", cell: (item) => <Link href={`/recommendations/${item.id}`}>{item.reference}</Link> },
            { key: "text", header: t("list.recommendation"), className: "rec-excerpt", cell: (item) => <RecommendationText recommendation={item} maxLength={160} /> },
            {
              key: "source",
              header: t("list.source"),
              cell: (item) => <TranslatedText text={item.source.title} lang={item.source.titleLang} isFallback={false} />,
            },
            {
              key: "themes",
              header: t("list.themes"),
              cell: (item) => (item.themes.length > 0 ? item.themes.map((theme) => labels.theme(theme)).join(", ") : <span className="muted">{t("none")}</span>),
            },
            ...publicationColumns({ publication: t("list.status"), dueDate: t("list.dueDate"), commitments: t("list.commitments"), none: t("none") }),
          ]}
        />
      )}

      <PageButtons pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}
