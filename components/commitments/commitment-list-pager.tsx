"use client";

import { useTranslations } from "next-intl";
import type { ListParams } from "@/components/commitments/commitment-list-params";
import { toQueryString } from "@/components/commitments/commitment-list-params";
import { CursorPager, rememberPage, usePageMemory, usePagePosition, usePagePositionText, type PageMemory } from "@/components/ui/cursor-pager";

/** Where the list remembers the way back from each page (sessionStorage). */
const PAGES_STORE = "commitment-list-pages";

export type { PageMemory };

export const rememberListPage = (query: string, memory: PageMemory) => rememberPage(PAGES_STORE, query, memory);

export const useListPagePosition = (query: string, hasCursor: boolean, countedTotal: number | null) => usePagePosition(PAGES_STORE, query, hasCursor, countedTotal);

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
  const t = useTranslations("commitments.pager");
  const pagePosition = usePagePositionText();
  const memory = usePageMemory(PAGES_STORE, toQueryString(params));
  const pageCount = totalCount === null ? null : Math.max(1, Math.ceil(totalCount / params.size));
  // The remembered previous page's cursor; its filters are the current ones by construction.
  const previousQuery = memory?.previous ?? null;
  const previous: ListParams = { ...params, cursor: previousQuery === null ? "" : (new URLSearchParams(previousQuery).get("cursor") ?? "") };
  const next: ListParams | null = nextCursor ? { ...params, cursor: nextCursor } : null;

  return (
    <CursorPager
      className="commitment-list-pager"
      position={pagePosition(pageNumber, pageCount)}
      previous={
        params.cursor
          ? {
              label: previousQuery === null ? t("first") : t("previous"),
              href: `${pathname}${toQueryString(previous)}`,
              onClick: () => onNavigate(previous, null),
            }
          : null
      }
      next={
        next
          ? {
              label: t("next"),
              href: `${pathname}${toQueryString(next)}`,
              onClick: () => onNavigate(next, { previous: toQueryString(params), page: pageNumber === null ? null : pageNumber + 1, total: totalCount }),
            }
          : null
      }
    />
  );
}
