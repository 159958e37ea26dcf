"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage } from "@/components/ui/api-errors";
import { CalendarDate } from "@/components/ui/dates";
import { DisclosureButton } from "@/components/ui/disclosure-button";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { ClearFilters, FilterBar, FilterSearch, FilterSelect, sourceOptions, themeOptions } from "@/components/ui/filter-bar";
import {
  RECOMMENDATIONS_PAGE_SIZE as PAGE_SIZE,
  PublicationBadge,
  formatSourceOption,
  shortenText,
  type RecommendationSummary,
  type SourceOption,
  type ThemeOption,
} from "@/components/recommendations/recommendation-display";
import { NewSourceForm } from "@/components/recommendations/new-source-form";


type Filters = { sourceId: string; publication: "" | "DRAFT" | "PUBLISHED"; themeKey: string; search: string };
const PUBLICATION_OPTIONS = [
  { value: "DRAFT", label: "Draft" },
  { value: "PUBLISHED", label: "Published" },
];
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
          New recommendation
        </Link>
        <DisclosureButton className="button button-secondary" open={showSourceForm} controls="new-source-panel" onToggle={() => setShowSourceForm((open) => !open)}>
          {showSourceForm ? "Close the new source form" : "New source"}
        </DisclosureButton>
      </div>

      {newSource ? (
        <div role="status" className="alert alert-success">
          Source “{newSource.title}” added.{" "}
          <Link href={`/recommendations/new?source=${encodeURIComponent(newSource.id)}`}>Add a recommendation to it</Link>.
        </div>
      ) : null}

      <div id="new-source-panel" className="card" hidden={!showSourceForm}>
        {showSourceForm ? (
          <NewSourceForm
            idPrefix="list-source"
            onCreated={(source) => {
              setNewSource(source);
              setShowSourceForm(false);
            }}
          />
        ) : null}
      </div>

      <FilterBar label="Filter recommendations" className="rec-filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSearch id="filter-search" placeholder="Reference or text" value={searchText} onChange={setSearchText} />
        <FilterSelect id="filter-source" label="Source" allLabel="All sources" options={sourceOptions(sourceList, formatSourceOption)} value={filters.sourceId} onChange={(value) => setFilter("sourceId", value)} />
        <FilterSelect id="filter-status" label="Status" allLabel="Draft and published" options={PUBLICATION_OPTIONS} value={filters.publication} onChange={(value) => setFilter("publication", publicationOf(value))} />
        <FilterSelect id="filter-theme" label="Theme" allLabel="All themes" options={themeOptions(themes)} value={filters.themeKey} onChange={(value) => setFilter("themeKey", value)} />
        <ClearFilters shown={filtered || searchText !== ""} onClear={clearFilters} />
      </FilterBar>

      <CountLine busy={list.isFetching} busyText="Loading recommendations…" className="muted">
        {list.isError ? "" : listSummary(items.length, page, Boolean(list.data?.nextCursor))}
      </CountLine>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          The recommendations could not be loaded: {errorMessage(list.error)}{" "}
          <button type="button" className="button button-small button-secondary" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <DataTable
          caption={`Recommendations, page ${page}`}
          className="rec-table"
          rows={items}
          rowKey={(item) => item.id}
          busy={list.isFetching}
          empty={
            list.isPending ? null : filtered ? (
              <NoMatches title="No recommendation matches these filters." clearLabel="clear all filters" onClear={clearFilters} />
            ) : (
              <EmptyState title="There are no recommendations yet.">
                Add a source first (“New source”), then create a recommendation with “New recommendation”.
              </EmptyState>
            )
          }
          columns={[
            { key: "reference", header: "Reference", className: "rec-nowrap", cell: (item) => <Link href={`/recommendations/${item.id}`}>{item.reference}</Link> },
            { key: "text", header: "Recommendation", className: "rec-excerpt", cell: (item) => shortenText(item.text) },
            { key: "source", header: "Source", cell: (item) => item.source.title },
            {
              key: "themes",
              header: "Themes",
              cell: (item) => (item.themes.length > 0 ? item.themes.map((theme) => theme.label).join(", ") : <span className="muted">None</span>),
            },
            { key: "status", header: "Status", cell: (item) => <PublicationBadge publication={item.publication} /> },
            {
              key: "due",
              header: "Due date",
              className: "rec-nowrap",
              cell: (item) => (item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">None</span>),
            },
            { key: "commitments", header: "Commitments", className: "rec-numeric", cell: (item) => item._count.commitments },
          ]}
        />
      )}

      <PageButtons pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}

function listSummary(count: number, page: number, more: boolean) {
  if (count === 0) return "";
  const noun = count === 1 ? "recommendation" : "recommendations";
  return `Showing ${count} ${noun}${page > 1 || more ? ` on page ${page}` : ""}.`;
}
