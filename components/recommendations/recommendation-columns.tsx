import { CalendarDate } from "@/components/ui/dates";
import type { Column } from "@/components/ui/data-table";
import { PublicationBadge, type RecommendationSummary } from "@/components/recommendations/recommendation-display";

/** The last columns of a table of recommendations: publication state, due date (or `none`), number of commitments. */
export function publicationColumns(headers: { publication: string; dueDate: string; commitments: string; none: string }): Column<RecommendationSummary>[] {
  return [
    { key: "status", header: headers.publication, cell: (item) => <PublicationBadge publication={item.publication} /> },
    {
      key: "due",
      header: headers.dueDate,
      className: "rec-nowrap",
      cell: (item) => (item.dueDate ? <CalendarDate value={item.dueDate} /> : <span className="muted">{headers.none}</span>),
    },
    { key: "commitments", header: headers.commitments, className: "rec-numeric", cell: (item) => item._count.commitments },
  ];
}
