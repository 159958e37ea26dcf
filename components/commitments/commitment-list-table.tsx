"use client";

import Link from "next/link";
import type { Ref } from "react";
import { CalendarDate } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ReviewStateBadge, StatusBadge } from "@/components/ui/status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SORT_LABELS, type ListParams } from "@/components/commitments/commitment-list-params";
import type { TCommitmentListPage } from "@/components/commitments/commitment-list";

const SHORT_TEXT = 110;

/** The start of a recommendation's text, cut at a word boundary. */
function shorten(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= SHORT_TEXT) return flat;
  const cut = flat.slice(0, SHORT_TEXT);
  const space = cut.lastIndexOf(" ");
  return `${(space > SHORT_TEXT / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

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
  const direction = params.dir === "asc" ? "ascending" : "descending";
  const sorted = (column: ListParams["sort"]) => (params.sort === column ? direction : undefined);
  const caption = `${stateName ? `Commitments of ${stateName}` : "Commitments"}, sorted by ${SORT_LABELS[params.sort].toLowerCase()} (${direction})`;
  const columns: (Column<Item> | false)[] = [
    { key: "reference", header: "Reference", rowHeader: true, className: "commitment-list-reference", sorted: sorted("reference"), cell: (item) => item.recommendation.reference },
    {
      key: "text",
      header: "Recommendation",
      className: "commitment-list-text",
      cell: (item) => <Link href={`/commitments/${item.id}`}>{shorten(item.recommendation.text)}</Link>,
    },
    showState && { key: "state", header: "State", sorted: sorted("state"), cell: (item) => item.state.name },
    { key: "source", header: "Source", className: "commitment-list-source", cell: (item) => item.recommendation.source.title },
    { key: "status", header: "Accepted status", cell: (item) => <StatusBadge statusKey={item.acceptedStatus.key} label={item.acceptedStatus.label} /> },
    {
      key: "progress",
      header: "Progress",
      sorted: sorted("progress"),
      cell: (item) => <ProgressBar value={item.acceptedProgress} label={`Progress of ${item.recommendation.reference}`} />,
    },
    {
      key: "due",
      header: "Due date",
      className: "commitment-list-due",
      sorted: sorted("dueDate"),
      cell: (item) => (
        <>
          {item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">None</span>}
          {item.overdue ? (
            <span className="badge badge-overdue">
              <span aria-hidden="true">⚠</span> Overdue
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: "update",
      header: "Open update",
      cell: (item) => (item.openUpdateReviewState ? <ReviewStateBadge reviewState={item.openUpdateReviewState} /> : <span className="muted">None</span>),
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
