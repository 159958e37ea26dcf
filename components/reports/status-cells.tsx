import { DueDateCell } from "@/components/reports/due-date-cell";
import type { Column } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";

export type StatusFacts = {
  status: { key: string; label: string };
  progress: number;
  progressLabel: string;
  lastAcceptedAt: string | null;
  dueDate: string | null;
  overdue: boolean;
};

/**
 * The four columns every report row of a commitment shows: accepted status, progress, the date of
 * the last accepted update (under `lastHeader`), and the due date with its overdue marker.
 */
export function statusColumns<Row>(facts: (row: Row) => StatusFacts, lastHeader: string): Column<Row>[] {
  return [
    { key: "status", header: "Status", cell: (row) => <StatusBadge statusKey={facts(row).status.key} label={facts(row).status.label} /> },
    { key: "progress", header: "Progress", cell: (row) => <ProgressBar value={facts(row).progress} label={facts(row).progressLabel} /> },
    {
      key: "lastAccepted",
      header: lastHeader,
      cell: (row) => {
        const at = facts(row).lastAcceptedAt;
        return at ? <DateTime value={at} /> : <span className="muted">None yet</span>;
      },
    },
    { key: "due", header: "Due", cell: (row) => <DueDateCell dueDate={facts(row).dueDate} overdue={facts(row).overdue} /> },
  ];
}
