import { DueDateCell } from "@/components/reports/due-date-cell";
import { DateTime } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";

/**
 * The four cells every report row of a commitment shows: accepted status, progress, the date of
 * the last accepted update, and the due date with its overdue marker.
 */
export function StatusCells({
  status,
  progress,
  progressLabel,
  lastAcceptedAt,
  dueDate,
  overdue,
}: {
  status: { key: string; label: string };
  progress: number;
  progressLabel: string;
  lastAcceptedAt: Date | string | null;
  dueDate: Date | string | null;
  overdue: boolean;
}) {
  return (
    <>
      <td>
        <StatusBadge statusKey={status.key} label={status.label} />
      </td>
      <td>
        <ProgressBar value={progress} label={progressLabel} />
      </td>
      <td>{lastAcceptedAt ? <DateTime value={lastAcceptedAt} /> : <span className="muted">None yet</span>}</td>
      <td>
        <DueDateCell dueDate={dueDate} overdue={overdue} />
      </td>
    </>
  );
}
