"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { AuditEventList } from "@/components/history/audit-event-list";
import { recordHref } from "@/components/history/audit-labels";

export type EntityHistoryPage = inferRouterOutputs<AppRouter>["audit"]["history"];

/**
 * The History of a recommendation, commitment, user or source: the audit trail of the record,
 * newest first, a page at a time. The first page comes from the server with the page.
 */
export function EntityHistory({ initial }: { initial: EntityHistoryPage }) {
  const t = useTranslations("history");
  const refs = useReferenceLabels();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const { entity, id, subject } = initial;
  const query = useQuery(
    trpc.audit.history.queryOptions(
      { entity, id, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
      { initialData: pages.cursor ? undefined : initial, placeholderData: keepPreviousData },
    ),
  );
  const events = query.data?.items ?? [];
  const name = subject.state ? `${subject.text} · ${refs.state(subject.state)}` : subject.text;
  return (
    <div className="stack">
      <p>
        <Link href={recordHref(entity, id)}>
          <span aria-hidden="true">← </span>
          {t(`back.${entity}`)}
        </Link>
      </p>
      <h1>{t("heading", { subject: t(`subject.${entity}`, { name }) })}</h1>
      <p className="muted">{t("intro")}</p>
      <div aria-busy={query.isFetching || undefined}>
        {events.length === 0 ? <EmptyState title={t("empty")} /> : <AuditEventList events={events} />}
      </div>
      <PageButtons pages={pages} nextCursor={query.data?.nextCursor} busy={query.isFetching} />
    </div>
  );
}
