"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { ListParams } from "@/components/commitments/commitment-list-params";
import { toQueryString } from "@/components/commitments/commitment-list-params";

// Keyset pages only know the way forward. The way back is a stack of the cursors the reader
// came through, kept per browser tab (sessionStorage) as "page URL -> the page before it", so it
// survives a reload and stays right when the reader uses the back and forward buttons. Each entry
// also keeps the page number and the total: the API counts only the first page.

export type PageMemory = { previous: string; page: number | null; total?: number | null };
const STORE_KEY = "commitment-list-pages";
const MAX_REMEMBERED = 500;
const listeners = new Set<() => void>();

function readRaw(): string {
  try {
    return window.sessionStorage.getItem(STORE_KEY) ?? "{}";
  } catch {
    return "{}";
  }
}

function parseMemory(raw: string): Record<string, PageMemory> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, PageMemory>) : {};
  } catch {
    return {};
  }
}

/** Remembers which page (query string) leads back from `query`, and its page number. */
export function rememberPage(query: string, memory: PageMemory) {
  const entries = Object.entries(parseMemory(readRaw())).filter(([key]) => key !== query);
  entries.push([query, memory]);
  try {
    window.sessionStorage.setItem(STORE_KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_REMEMBERED))));
  } catch {
    // Storage full or disabled: "Previous page" falls back to the first page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePageMemory(query: string): PageMemory | null {
  const raw = useSyncExternalStore(subscribe, readRaw, () => "{}");
  return useMemo(() => parseMemory(raw)[query] ?? null, [raw, query]);
}

/**
 * The current page's number (1 without a cursor, else as remembered) and the total: the page's
 * own count (the first page, or a page opened from a link, which the server counts), else the one
 * remembered when the reader came to this page. Null when unknown.
 */
export function usePagePosition(query: string, hasCursor: boolean, countedTotal: number | null) {
  const memory = usePageMemory(query);
  return {
    pageNumber: hasCursor ? (memory?.page ?? null) : 1,
    totalCount: countedTotal ?? memory?.total ?? null,
  };
}

export function CommitmentListPager({
  params,
  pathname,
  nextCursor,
  totalCount,
  pageNumber,
  onNavigate,
}: {
  params: ListParams;
  pathname: string;
  nextCursor: string | null;
  totalCount: number | null;
  pageNumber: number | null;
  /** Go to `next`, remembering how it was reached (null: going back, nothing to remember). */
  onNavigate: (next: ListParams, memory: PageMemory | null) => void;
}) {
  const memory = usePageMemory(toQueryString(params));
  const pageCount = totalCount === null ? null : Math.max(1, Math.ceil(totalCount / params.size));
  const first: ListParams = { ...params, cursor: "" };
  const previousQuery = memory?.previous ?? null;
  const next: ListParams | null = nextCursor ? { ...params, cursor: nextCursor } : null;
  const previousParams = previousQuery === null ? first : paramsOfQuery(previousQuery, params);

  return (
    <nav className="pager commitment-list-pager" aria-label="Pages">
      {params.cursor ? (
        <a
          className="button button-secondary"
          href={`${pathname}${toQueryString(previousParams)}`}
          onClick={(event) => {
            event.preventDefault();
            onNavigate(previousParams, null);
          }}
        >
          <span aria-hidden="true">←</span> {previousQuery === null ? "First page" : "Previous page"}
        </a>
      ) : null}
      <span className="commitment-list-page-number">{pagePosition(pageNumber, pageCount)}</span>
      {next ? (
        <a
          className="button button-secondary"
          href={`${pathname}${toQueryString(next)}`}
          onClick={(event) => {
            event.preventDefault();
            onNavigate(next, { previous: toQueryString(params), page: pageNumber === null ? null : pageNumber + 1, total: totalCount });
          }}
        >
          Next page <span aria-hidden="true">→</span>
        </a>
      ) : null}
    </nav>
  );
}

/** "Page 3 of 80", or what is known of it. */
function pagePosition(pageNumber: number | null, pageCount: number | null): string {
  if (pageNumber !== null && pageCount !== null) return `Page ${pageNumber.toLocaleString("en")} of ${pageCount.toLocaleString("en")}`;
  if (pageNumber !== null) return `Page ${pageNumber.toLocaleString("en")}`;
  if (pageCount !== null) return `${pageCount.toLocaleString("en")} pages`;
  return "";
}

/** The remembered previous page's cursor; its filters are the current ones by construction. */
function paramsOfQuery(query: string, current: ListParams): ListParams {
  const cursor = new URLSearchParams(query).get("cursor") ?? "";
  return { ...current, cursor };
}
