"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { useErrorMessage } from "@/components/ui/api-errors";
import { CalendarDate } from "@/components/ui/dates";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { ClearFilters, FilterBar, FilterSearch, FilterSelect } from "@/components/ui/filter-bar";
import { TranslatedText, useSourceKindLabel, type SourceOption } from "@/components/recommendations/recommendation-display";
import { SOURCE_KINDS, type TSourceKind } from "@/server/schemas/limits";

type Filters = { kind: "" | TSourceKind; search: string };
const NO_FILTERS: Filters = { kind: "", search: "" };
const kindOf = (value: string): Filters["kind"] => (SOURCE_KINDS as readonly string[]).includes(value) ? (value as TSourceKind) : "";

/** The sources the reader may see (the secretariat: all), newest first, with a kind and a search filter. */
export function SourceList({ initial }: { initial: SourceOption[] }) {
  const trpc = useTRPC();
  const t = useTranslations("sources.list");
  const errorMessage = useErrorMessage();
  const kindLabel = useSourceKindLabel();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [searchText, setSearchText] = useState("");
  const input = filters === NO_FILTERS ? undefined : { ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.search.trim() ? { search: filters.search.trim() } : {}) };
  const list = useQuery(trpc.sources.list.queryOptions(input, { initialData: filters === NO_FILTERS ? initial : undefined, placeholderData: keepPreviousData }));

  // Typing in the search waits for a pause before asking the server.
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => setFilters((current) => ({ ...current, search: searchText })), 300);
    return () => clearTimeout(timer);
  }, [searchText, filters.search]);

  function clearFilters() {
    setSearchText("");
    setFilters(NO_FILTERS);
  }

  const filtered = filters.kind !== "" || filters.search.trim() !== "";
  const items = list.data ?? [];
  return (
    <div className="stack">
      <FilterBar label={t("filterLabel")} className="rec-filters" onSubmit={(event) => event.preventDefault()}>
        <FilterSearch id="sources-search" placeholder={t("searchPlaceholder")} value={searchText} onChange={setSearchText} />
        <FilterSelect
          id="sources-kind"
          label={t("kind")}
          allLabel={t("allKinds")}
          options={SOURCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          value={filters.kind}
          onChange={(value) => setFilters((current) => ({ ...current, kind: kindOf(value) }))}
        />
        <ClearFilters shown={filtered || searchText !== ""} onClear={clearFilters} />
      </FilterBar>
      <CountLine busy={list.isFetching} className="muted">
        {list.isError || items.length === 0 ? "" : t("showing", { count: items.length })}
      </CountLine>
      {list.isError ? (
        <div role="alert" className="alert alert-error">
          {t("loadFailed", { message: errorMessage(list.error) })}
        </div>
      ) : (
        <DataTable
          caption={t("caption")}
          className="rec-table"
          rows={items}
          rowKey={(source) => source.id}
          busy={list.isFetching}
          empty={
            list.isPending ? null : filtered ? (
              <NoMatches title={t("noMatches")} clearLabel={t("clearFilters")} onClear={clearFilters} />
            ) : (
              <EmptyState title={t("empty")} />
            )
          }
          columns={[
            {
              key: "title",
              header: t("title"),
              rowHeader: true,
              cell: (source) => (
                <Link href={`/sources/${source.id}`}>
                  <TranslatedText text={source.title} lang={source.titleLang} isFallback={source.isFallback} />
                </Link>
              ),
            },
            { key: "kind", header: t("kind"), cell: (source) => kindLabel(source.kind) },
            { key: "date", header: t("date"), className: "rec-nowrap", cell: (source) => <CalendarDate value={source.date} /> },
            { key: "recommendations", header: t("recommendations"), className: "rec-numeric", cell: (source) => source._count.recommendations },
          ]}
        />
      )}
    </div>
  );
}
