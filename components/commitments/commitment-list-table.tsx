"use client";

import Link from "next/link";
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { CalendarDate } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { ListParams } from "@/components/commitments/commitment-list-params";
import type { TCommitmentListPage } from "@/components/commitments/commitment-list";
import { ReviewStateBadge, StatusBadge } from "@/components/ui/status-badge";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { RecommendationText } from "@/components/recommendations/recommendation-display";

/** A symbol for sighted readers beside the words that say the same. */
const WARNING_SIGN = "⚠";

const SHORT_TEXT = 110;


type Item = TCommitmentListPage["items"][number];

export function CommitmentListTable({
  ref,
  items,
  params,
  showState,
  stateName,
  busy,
}: {
  ref: Ref<HTMLDivElement>;
  items: TCommitmentListPage["items"];
  params: ListParams;
  showState: boolean;
  stateName: string | null;
  busy: boolean;
}) {
  const t = useTranslations("commitments.table");
  const refs = useReferenceLabels();
  const direction = params.dir === "asc" ? "ascending" : "descending";
  const sorted = (column: ListParams["sort"]) => (params.sort === column ? direction : undefined);
  const sorting = t("sorting", { sort: params.sort, direction: params.dir });
  const caption = stateName ? t("captionOfState", { state: stateName, sorting }) : t("caption", { sorting });
  const columns: (Column<Item> | false)[] = [
    { key: "reference", header: t("reference"), rowHeader: true, className: "commitment-list-reference", sorted: sorted("reference"), cell: (item) => item.recommendation.reference },
    {
      key: "text",
      header: t("recommendation"),
      className: "commitment-list-text",
      cell: (item) => <Link href={`/commitments/${item.id}`}><RecommendationText recommendation={item.recommendation} maxLength={SHORT_TEXT} /></Link>,
    },
    showState && { key: "state", header: t("state"), sorted: sorted("state"), cell: (item) => refs.state(item.state) },
    { key: "source", header: t("source"), className: "commitment-list-source", cell: (item) => item.recommendation.source.title },
    { key: "status", header: t("acceptedStatus"), cell: (item) => <StatusBadge statusKey={item.acceptedStatus.key} label={refs.status(item.acceptedStatus)} /> },
    {
      key: "progress",
      header: t("progress"),
      sorted: sorted("progress"),
      cell: (item) => <ProgressBar value={item.acceptedProgress} label={t("progressOf", { reference: item.recommendation.reference })} />,
    },
    {
      key: "due",
      header: t("dueDate"),
      className: "commitment-list-due",
      sorted: sorted("dueDate"),
      cell: (item) => (
        <>
          {item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">{t("none")}</span>}
          {item.overdue ? (
            <span className="badge badge-overdue">
              <span aria-hidden="true">{WARNING_SIGN}</span> {t("overdue")}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: "update",
      header: t("openUpdate"),
      cell: (item) => (item.openUpdateReviewState ? <ReviewStateBadge reviewState={item.openUpdateReviewState} /> : <span className="muted">{t("none")}</span>),
    },
  ];
  return (
    <DataTable
      ref={ref}
      caption={caption}
      columns={columns}
      rows={items}
      rowKey={(item) => item.id}
      busy={busy}
      className="commitment-list-table"
      wrapClassName="commitment-list-table-wrap"
    />
  );
}
