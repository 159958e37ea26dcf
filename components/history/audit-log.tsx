"use client";

import { useEffect, useState } from "react";
import { useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Field } from "@/components/ui/field";
import { AuditEventList } from "@/components/history/audit-event-list";
import { useAuditLabels } from "@/components/history/audit-labels";
import { AUDIT_EXPORT_MAX, isCalendarDate } from "@/server/schemas/limits";

type Outputs = inferRouterOutputs<AppRouter>["audit"];
type Filters = { actorId: string; action: string; from: string; to: string };
const NO_FILTERS: Filters = { actorId: "", action: "", from: "", to: "" };

/** The filters a link or a reload carries: each kept only when it is one the page offers. */
function filtersFrom(get: (name: keyof Filters) => string | null, options: Outputs["logOptions"]): Filters {
  const actorId = get("actorId") ?? "";
  const action = get("action") ?? "";
  const day = (value: string | null) => (value && isCalendarDate(value) ? value : "");
  return {
    actorId: options.people.some((person) => person.id === actorId) ? actorId : "",
    action: options.actions.includes(action) ? action : "",
    from: day(get("from")),
    to: day(get("to")),
  };
}

/** The query string of the filters that are set (the page's address and the export take the same names). */
function filterQuery(filters: Filters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return query.toString();
}

/**
 * The administrators' audit log: every recorded change, newest first, filtered by person, kind of
 * change and days (UTC), a page at a time, and the filtered log as a CSV download. The filters are
 * kept in the page's address.
 */
export function AuditLog({ initialPage, options }: { initialPage: Outputs["log"]; options: Outputs["logOptions"] }) {
  const t = useTranslations("history.log");
  const history = useTranslations("history");
  const labels = useAuditLabels();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const searchParams = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom((name) => searchParams.get(name), options));
  const badRange = Boolean(filters.from && filters.to && filters.from > filters.to);
  const applied = badRange ? { ...filters, from: "", to: "" } : filters;
  const input = {
    ...(applied.actorId ? { actorId: applied.actorId } : {}),
    ...(applied.action ? { action: applied.action } : {}),
    ...(applied.from ? { from: applied.from } : {}),
    ...(applied.to ? { to: applied.to } : {}),
    ...(pages.cursor ? { cursor: pages.cursor } : {}),
  };
  const unfiltered = Object.keys(input).length === 0;
  const list = useQuery(trpc.audit.log.queryOptions(input, { initialData: unfiltered ? initialPage : undefined, placeholderData: keepPreviousData }));
  const events = list.data?.items ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const set = (name: keyof Filters) => (value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    pages.reset();
  };
  const query = filterQuery(applied);
  // The address says what is shown: a reload or a shared link opens the same filtered log.
  const address = filterQuery(filters);
  useEffect(() => {
    window.history.replaceState(null, "", address ? `?${address}` : window.location.pathname);
  }, [address]);

  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <FilterBar label={t("filters")} onSubmit={(event) => event.preventDefault()}>
        <FilterSelect
          id="audit-person"
          label={t("person")}
          allLabel={t("anyone")}
          options={options.people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))}
          value={filters.actorId}
          onChange={set("actorId")}
        />
        <FilterSelect
          id="audit-kind"
          label={t("kind")}
          allLabel={t("anyKind")}
          options={options.actions.map((action) => ({ value: action, label: labels.action(action) })).sort((a, b) => a.label.localeCompare(b.label))}
          value={filters.action}
          onChange={set("action")}
        />
        <Field id="audit-from" label={t("from")} hint={t("dateHint")}>
          <input id="audit-from" type="date" value={filters.from} aria-describedby="audit-from-hint" onChange={(event) => set("from")(event.target.value)} />
        </Field>
        <Field id="audit-to" label={t("to")} hint={t("dateHint")} error={badRange ? t("badRange") : null}>
          <input
            id="audit-to"
            type="date"
            value={filters.to}
            aria-invalid={badRange || undefined}
            aria-describedby={badRange ? "audit-to-hint audit-to-error" : "audit-to-hint"}
            onChange={(event) => set("to")(event.target.value)}
          />
        </Field>
        {filtered ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setFilters(NO_FILTERS);
              pages.reset();
            }}
          >
            {t("clear")}
          </button>
        ) : null}
      </FilterBar>
      <p>
        <a className="button button-secondary" href={`/api/audit/export${query ? `?${query}` : ""}`} download aria-describedby="audit-export-hint">
          {t("exportCsv")}
        </a>{" "}
        <span id="audit-export-hint" className="muted">
          {t("exportHint", { max: AUDIT_EXPORT_MAX })}
        </span>
      </p>
      <div aria-busy={list.isFetching || undefined}>
        {events.length === 0 ? <EmptyState title={history("empty")} /> : <AuditEventList events={events} showRecord />}
      </div>
      <PageButtons label={t("pager")} pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}
