"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage } from "@/components/ui/api-errors";
import { CalendarDate } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import {
  RECOMMENDATIONS_PAGE_SIZE as PAGE_SIZE,
  RecommendationStatusBadge,
  formatSourceOption,
  shortenText,
  type RecommendationSummary,
  type SourceOption,
  type ThemeOption,
} from "@/components/recommendations/recommendation-display";
import { NewSourceForm } from "@/components/recommendations/new-source-form";


type Filters = { sourceId: string; status: "" | "DRAFT" | "PUBLISHED"; themeKey: string; search: string };
const NO_FILTERS: Filters = { sourceId: "", status: "", themeKey: "", search: "" };

function listInput(filters: Filters, cursor: string | undefined) {
  return {
    limit: PAGE_SIZE,
    ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
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
  // The cursors of the pages before the current one, so "Previous" needs no extra request.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [showSourceForm, setShowSourceForm] = useState(false);
  const [newSource, setNewSource] = useState<{ id: string; title: string } | null>(null);
  const cursor = cursors.at(-1);
  const input = listInput(filters, cursor);
  const isInitial = cursors.length === 1 && filters === NO_FILTERS;

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
      setCursors([undefined]);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText, filters.search]);

  function setFilter<K extends keyof Filters>(key: K, value: Filters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
    setCursors([undefined]);
  }

  function clearFilters() {
    setSearchText("");
    setFilters(NO_FILTERS);
    setCursors([undefined]);
  }

  const filtered = filters.sourceId !== "" || filters.status !== "" || filters.themeKey !== "" || filters.search.trim() !== "";
  const items = list.data?.items ?? [];
  const page = cursors.length;
  const sourceList = sources.data ?? initialSources;

  return (
    <div className="stack">
      <div className="actions rec-page-actions">
        <Link href="/recommendations/new" className="button">
          New recommendation
        </Link>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={showSourceForm}
          aria-controls="new-source-panel"
          onClick={() => setShowSourceForm((open) => !open)}
        >
          {showSourceForm ? "Close the new source form" : "New source"}
        </button>
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

      <form className="filters rec-filters" role="search" aria-label="Filter recommendations" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-search">Search</label>
          <input
            id="filter-search"
            type="search"
            maxLength={200}
            placeholder="Reference or text"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-source">Source</label>
          <select id="filter-source" value={filters.sourceId} onChange={(event) => setFilter("sourceId", event.target.value)}>
            <option value="">All sources</option>
            {sourceList.map((source) => (
              <option key={source.id} value={source.id}>
                {formatSourceOption(source)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={filters.status} onChange={(event) => setFilter("status", event.target.value as Filters["status"])}>
            <option value="">Draft and published</option>
            <option value="DRAFT">Draft</option>
            <option value="PUBLISHED">Published</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-theme">Theme</label>
          <select id="filter-theme" value={filters.themeKey} onChange={(event) => setFilter("themeKey", event.target.value)}>
            <option value="">All themes</option>
            {themes.map((theme) => (
              <option key={theme.key} value={theme.key}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
        {filtered || searchText !== "" ? (
          <button type="button" className="button button-secondary" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </form>

      <p className="muted" aria-live="polite">
        {list.isFetching ? "Loading recommendations…" : list.isError ? "" : listSummary(items.length, page, Boolean(list.data?.nextCursor))}
      </p>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          The recommendations could not be loaded: {errorMessage(list.error)}{" "}
          <button type="button" className="button button-small button-secondary" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 && !list.isPending ? (
        filtered ? (
          <EmptyState title="No recommendation matches these filters.">
            Change the search or the filters, or{" "}
            <button type="button" className="rec-link-button" onClick={clearFilters}>
              clear all filters
            </button>
            .
          </EmptyState>
        ) : (
          <EmptyState title="There are no recommendations yet.">
            Add a source first (“New source”), then create a recommendation with “New recommendation”.
          </EmptyState>
        )
      ) : items.length === 0 ? null : (
        <div className="table-wrap" aria-busy={list.isFetching}>
          <table className="rec-table" aria-label={`Recommendations, page ${page}`}>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Recommendation</th>
                <th scope="col">Source</th>
                <th scope="col">Themes</th>
                <th scope="col">Status</th>
                <th scope="col">Due date</th>
                <th scope="col" className="rec-numeric">
                  Commitments
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="rec-nowrap">
                    <Link href={`/recommendations/${item.id}`}>{item.reference}</Link>
                  </td>
                  <td className="rec-excerpt">{shortenText(item.text)}</td>
                  <td>{item.source.title}</td>
                  <td>{item.themes.length > 0 ? item.themes.map((theme) => theme.label).join(", ") : <span className="muted">None</span>}</td>
                  <td>
                    <RecommendationStatusBadge status={item.status} />
                  </td>
                  <td className="rec-nowrap">{item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">None</span>}</td>
                  <td className="rec-numeric">{item._count.commitments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {page > 1 || list.data?.nextCursor ? (
        <nav className="pager" aria-label="Pages">
          <button
            type="button"
            className="button button-secondary"
            disabled={page === 1 || list.isFetching}
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            Previous page
          </button>
          <span>Page {page}</span>
          <button
            type="button"
            className="button button-secondary"
            disabled={!list.data?.nextCursor || list.isFetching}
            onClick={() => {
              const next = list.data?.nextCursor;
              if (next) setCursors((current) => [...current, next]);
            }}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}

function listSummary(count: number, page: number, more: boolean) {
  if (count === 0) return "";
  const noun = count === 1 ? "recommendation" : "recommendations";
  return `Showing ${count} ${noun}${page > 1 || more ? ` on page ${page}` : ""}.`;
}
