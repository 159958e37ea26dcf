"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { useTRPC } from "@/components/trpc-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { errorCode, useErrorMessage } from "@/components/ui/api-errors";
import {
  hasFilters,
  parseListParams,
  toListInput,
  toQueryString,
  withoutFilters,
  type ListParams,
} from "@/components/commitments/commitment-list-params";
import { CommitmentListFilters } from "@/components/commitments/commitment-list-filters";
import { CommitmentListTable } from "@/components/commitments/commitment-list-table";
import { CommitmentListPager, rememberListPage, useListPagePosition, type PageMemory } from "@/components/commitments/commitment-list-pager";
import { CountLine } from "@/components/ui/data-table";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

export type TCommitmentListPage = inferRouterOutputs<AppRouter>["commitments"]["list"];

export type CommitmentListOptions = {
  states: { id: string; name: string; iso2: string; kind: "PARTICIPATING" | "PARTNER" }[];
  themes: { key: string; label: string }[];
  sources: { id: string; title: string }[];
  statuses: { key: string; label: string }[];
};

/**
 * The commitments list: filters, sort and page in the URL; rows keyset-paged by the server.
 * The URL is changed with history.pushState (Next.js keeps useSearchParams in step), so paging
 * asks the API for one page and does not re-render the server page.
 */
export function CommitmentList({
  isSecretariat,
  ownState: own,
  options,
  initialInput,
  initialPage,
}: {
  isSecretariat: boolean;
  /** The focal point's State. */
  ownState: { iso2: string; name: string } | null;
  options: CommitmentListOptions;
  initialInput: TListCommitmentsInput;
  initialPage: TCommitmentListPage | null;
}) {
  const t = useTranslations("commitments.list");
  const errorMessage = useErrorMessage();
  const refs = useReferenceLabels();
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tableRef = useRef<HTMLDivElement>(null);
  const params = useMemo(() => parseListParams((name) => searchParams.get(name)), [searchParams]);
  const stateIdOf = useCallback((iso2: string) => options.states.find((state) => state.iso2 === iso2)?.id, [options.states]);
  const input = useMemo(() => toListInput(isSecretariat ? params : { ...params, state: "" }, stateIdOf), [isSecretariat, params, stateIdOf]);
  const isInitial = JSON.stringify(input) === JSON.stringify(initialInput);

  const query = useQuery({
    ...trpc.commitments.list.queryOptions(input),
    initialData: isInitial && initialPage ? initialPage : undefined,
    placeholderData: keepPreviousData,
    // A refused request (a stale page link) will not succeed on a second try.
    retry: (failures, error) => errorCode(error) === null && failures < 1,
  });
  // While the next rows load, the previous ones stay on screen (dimmed): the table's caption,
  // its next-page cursor and the page number must describe those rows, not the new URL.
  const [shown, setShown] = useState(params);
  if (query.data && !query.isPlaceholderData && shown !== params) setShown(params);
  const { pageNumber, totalCount } = useListPagePosition(toQueryString(shown), Boolean(shown.cursor), query.data?.totalCount ?? null);

  const navigate = useCallback(
    (next: ListParams) => {
      window.history.pushState(null, "", `${pathname}${toQueryString(next)}`);
    },
    [pathname],
  );
  const goToPage = useCallback(
    (next: ListParams, memory: PageMemory | null) => {
      if (memory) rememberListPage(toQueryString(next), memory);
      navigate(next);
      // Take keyboard and screen reader users to the new rows.
      tableRef.current?.focus({ preventScroll: true });
      tableRef.current?.scrollIntoView({ block: "nearest" });
    },
    [navigate],
  );

  const page = query.data;
  const loading = query.isFetching && (query.isPlaceholderData || !page);
  const clearHref = `${pathname}${toQueryString(withoutFilters(params))}`;
  const firstHref = `${pathname}${toQueryString({ ...params, cursor: "" })}`;
  const shownState = options.states.find((state) => state.iso2 === shown.state);
  // The focal point's own State, named in the reader's language.
  const ownState = !isSecretariat && own ? refs.state(own) : null;
  const visibleStateName = isSecretariat ? (shownState ? refs.state(shownState) : null) : ownState;
  const clearLink = (chunks: ReactNode) => (
    <a
      href={clearHref}
      onClick={(event) => {
        event.preventDefault();
        navigate(withoutFilters(params));
      }}
    >
      {chunks}
    </a>
  );

  return (
    <div className="commitment-list">
      <h1>{isSecretariat ? t("title") : ownState ? t("titleOfState", { state: ownState }) : t("titleOwn")}</h1>
      <p className="muted commitment-list-intro">
        {isSecretariat ? t("intro") : ownState ? t("introOfState", { state: ownState }) : t("introOwn")}
      </p>

      <CommitmentListFilters params={params} isSecretariat={isSecretariat} options={options} clearHref={clearHref} onApply={(next) => navigate({ ...next, cursor: "" })} />

      <CountLine busy={loading} busyText={t("loading")} className="commitment-list-count">
        {page && totalCount !== null ? t("count", { count: totalCount }) : ""}
      </CountLine>

      {query.isError && !query.isFetching ? (
        <div role="alert" className="alert alert-error commitment-list-error">
          <p className="alert-title">{t("loadFailed")}</p>
          <p>{errorMessage(query.error)}</p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
              {t("tryAgain")}
            </button>
            {params.cursor ? (
              <a
                href={firstHref}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ ...params, cursor: "" });
                }}
              >
                {t("startAgain")}
              </a>
            ) : null}
          </div>
        </div>
      ) : null}

      {page && page.items.length === 0 && !query.isError ? (
        hasFilters(shown) ? (
          <EmptyState title={t("noMatchTitle")}>
            {isSecretariat
              ? t.rich("noMatch", { clear: clearLink })
              : ownState
                ? t.rich("noMatchOfState", { clear: clearLink, state: ownState })
                : t.rich("noMatchOwn", { clear: clearLink })}
          </EmptyState>
        ) : shown.cursor ? (
          <EmptyState title={t("emptyPageTitle")}>{t.rich("emptyPage", { first: (chunks) => <a href={firstHref}>{chunks}</a> })}</EmptyState>
        ) : (
          <EmptyState title={t("noneYetTitle")}>
            {isSecretariat ? t("noneYet") : ownState ? t("noneYetOfState", { state: ownState }) : t("noneYetOwn")}
          </EmptyState>
        )
      ) : null}

      {page && page.items.length > 0 ? (
        <>
          <CommitmentListTable ref={tableRef} items={page.items} params={shown} showState={isSecretariat} stateName={visibleStateName} busy={loading} />
          <CommitmentListPager
            params={shown}
            pathname={pathname}
            nextCursor={page.nextCursor}
            totalCount={totalCount}
            pageNumber={pageNumber}
            onNavigate={goToPage}
          />
        </>
      ) : null}
    </div>
  );
}
