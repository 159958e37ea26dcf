"use client";

import Link from "next/link";
import type { Ref } from "react";
import { CalendarDate } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ReviewStateBadge, StatusBadge } from "@/components/ui/status-badge";
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

type SortableColumn = "reference" | "state" | "progress" | "dueDate";

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
  const ariaSort = (column: SortableColumn) =>
    params.sort === column ? (params.dir === "asc" ? "ascending" : "descending") : undefined;
  const caption = `${stateName ? `Commitments of ${stateName}` : "Commitments"}, sorted by ${SORT_LABELS[params.sort].toLowerCase()} (${
    params.dir === "asc" ? "ascending" : "descending"
  })`;

  return (
    <div
      ref={ref}
      className="table-wrap commitment-list-table-wrap"
      role="region"
      aria-labelledby="commitment-list-caption"
      aria-busy={busy}
      tabIndex={0}
    >
      <table className="commitment-list-table">
        <caption id="commitment-list-caption" className="commitment-list-visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort("reference")}>
              Reference
            </th>
            <th scope="col">Recommendation</th>
            {showState ? (
              <th scope="col" aria-sort={ariaSort("state")}>
                State
              </th>
            ) : null}
            <th scope="col">Source</th>
            <th scope="col">Accepted status</th>
            <th scope="col" aria-sort={ariaSort("progress")}>
              Progress
            </th>
            <th scope="col" aria-sort={ariaSort("dueDate")}>
              Due date
            </th>
            <th scope="col">Open update</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="commitment-list-reference">
                {item.recommendation.reference}
              </th>
              <td className="commitment-list-text">
                <Link href={`/commitments/${item.id}`}>{shorten(item.recommendation.text)}</Link>
              </td>
              {showState ? <td>{item.state.name}</td> : null}
              <td className="commitment-list-source">{item.recommendation.source.title}</td>
              <td>
                <StatusBadge statusKey={item.acceptedStatus.key} label={item.acceptedStatus.label} />
              </td>
              <td>
                <ProgressBar value={item.acceptedProgress} label={`Progress of ${item.recommendation.reference}`} />
              </td>
              <td className="commitment-list-due">
                {item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">None</span>}
                {item.overdue ? (
                  <span className="badge badge-overdue">
                    <span aria-hidden="true">⚠</span> Overdue
                  </span>
                ) : null}
              </td>
              <td>{item.openUpdateReviewState ? <ReviewStateBadge reviewState={item.openUpdateReviewState} /> : <span className="muted">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
