"use client";

import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

// Keyset pages only know the way forward: the server gives the cursor of the next page. The way
// back is the stack of cursors the reader came through: in memory for a list that pages in place
// (useCursorPages), or, for a list whose page is in the URL, per browser tab (sessionStorage) as
// "page URL -> the page before it", so that it survives a reload and stays right with the back and
// forward buttons (rememberPage, usePagePosition). Each entry also keeps the page number and the
// total: the API counts only the first page.

/** The cursors of the pages before the current one, so "Previous page" needs no extra request. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  const reset = useCallback(() => setCursors([]), []);
  return {
    /** The current page's cursor (undefined: the first page). */
    cursor: cursors.at(-1),
    /** 1-based. */
    page: cursors.length + 1,
    next: (cursor: string | null | undefined) => {
      if (cursor) setCursors((current) => [...current, cursor]);
    },
    previous: () => setCursors((current) => current.slice(0, -1)),
    /** Back to the first page (after the filters changed); the same function on every render. */
    reset,
  };
}

/** A way to another page: a link (`href`, with `onClick` to go there in place) or a button. */
export type PagerStep = { label: string; href?: string; onClick: () => void; disabled?: boolean };

/**
 * "Previous page", where the reader is, "Next page", as a named navigation landmark. Steps that
 * are not given are left out; a disabled one stays in place (buttons only) so the layout holds.
 */
export function CursorPager({
  label,
  className,
  position,
  previous,
  next,
}: {
  label?: string;
  className?: string;
  position: string;
  previous?: PagerStep | null;
  next?: PagerStep | null;
}) {
  const t = useTranslations("common.pager");
  return (
    <nav className={className ? `pager ${className}` : "pager"} aria-label={label ?? t("label")}>
      {previous ? <Step step={previous} arrow="←" /> : null}
      <span className="pager-position">{position}</span>
      {next ? <Step step={next} arrow="→" /> : null}
    </nav>
  );
}

function Step({ step, arrow }: { step: PagerStep; arrow: "←" | "→" }) {
  const content =
    arrow === "←" ? (
      <>
        <span aria-hidden="true">←</span> {step.label}
      </>
    ) : (
      <>
        {step.label} <span aria-hidden="true">→</span>
      </>
    );
  if (step.href !== undefined) {
    return (
      <a
        className="button button-secondary"
        href={step.href}
        onClick={(event) => {
          event.preventDefault();
          step.onClick();
        }}
      >
        {content}
      </a>
    );
  }
  return (
    <button type="button" className="button button-secondary" disabled={step.disabled} onClick={step.onClick}>
      {content}
    </button>
  );
}

/** The pager of an in-place list: previous and next page buttons over `useCursorPages`. */
export function PageButtons({
  label,
  pages,
  nextCursor,
  busy,
}: {
  label?: string;
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  busy: boolean;
}) {
  const t = useTranslations("common.pager");
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <CursorPager
      label={label}
      position={t("page", { page: pages.page })}
      previous={{ label: t("previous"), onClick: pages.previous, disabled: pages.page === 1 || busy }}
      next={{ label: t("next"), onClick: () => pages.next(nextCursor), disabled: !nextCursor || busy }}
    />
  );
}

// ---- Pages in the URL ------------------------------------------------------------------------

export type PageMemory = { previous: string; page: number | null; total?: number | null };
const MAX_REMEMBERED = 500;
const listeners = new Set<() => void>();

function readRaw(store: string): string {
  try {
    return window.sessionStorage.getItem(store) ?? "{}";
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

/** Remembers (in `store`) which page (query string) leads back from `query`, and its page number. */
export function rememberPage(store: string, query: string, memory: PageMemory) {
  const entries = Object.entries(parseMemory(readRaw(store))).filter(([key]) => key !== query);
  entries.push([query, memory]);
  try {
    window.sessionStorage.setItem(store, JSON.stringify(Object.fromEntries(entries.slice(-MAX_REMEMBERED))));
  } catch {
    // Storage full or disabled: "Previous page" falls back to the first page.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePageMemory(store: string, query: string): PageMemory | null {
  const raw = useSyncExternalStore(subscribe, () => readRaw(store), () => "{}");
  return useMemo(() => parseMemory(raw)[query] ?? null, [raw, query]);
}

/**
 * The current page's number (1 without a cursor, else as remembered) and the total: the page's
 * own count (the first page, or a page opened from a link, which the server counts), else the one
 * remembered when the reader came to this page. Null when unknown.
 */
export function usePagePosition(store: string, query: string, hasCursor: boolean, countedTotal: number | null) {
  const memory = usePageMemory(store, query);
  return {
    pageNumber: hasCursor ? (memory?.page ?? null) : 1,
    totalCount: countedTotal ?? memory?.total ?? null,
  };
}

/** "Page 3 of 80", or what is known of it, in the reader's language: `usePagePositionText()(3, 80)`. */
export function usePagePositionText() {
  const t = useTranslations("common.pager");
  return (pageNumber: number | null, pageCount: number | null): string => {
    if (pageNumber !== null && pageCount !== null) return t("pageOf", { page: pageNumber, count: pageCount });
    if (pageNumber !== null) return t("page", { page: pageNumber });
    if (pageCount !== null) return t("pages", { count: pageCount });
    return "";
  };
}

