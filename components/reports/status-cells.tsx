import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
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

function AcceptedStatus({ status }: { status: StatusFacts["status"] }) {
  return <StatusBadge statusKey={status.key} label={useReferenceLabels().status(status)} />;
}

function NoneYet() {
  const t = useTranslations("reports.figures");
  return <span className="muted">{t("noneYet")}</span>;
}

/**
 * The four columns every report row of a commitment shows: accepted status, progress, the date of
 * the last accepted update (under `lastHeader`), and the due date with its overdue marker. `t`:
 * the reports.figures words.
 */
export function statusColumns<Row>(
  facts: (row: Row) => StatusFacts,
  lastHeader: string,
  t: (key: "status" | "progress" | "due") => string,
): Column<Row>[] {
  return [
    { key: "status", header: t("status"), cell: (row) => <AcceptedStatus status={facts(row).status} /> },
    { key: "progress", header: t("progress"), cell: (row) => <ProgressBar value={facts(row).progress} label={facts(row).progressLabel} /> },
    {
      key: "lastAccepted",
      header: lastHeader,
      cell: (row) => {
        const at = facts(row).lastAcceptedAt;
        return at ? <DateTime value={at} /> : <NoneYet />;
      },
    },
    { key: "due", header: t("due"), cell: (row) => <DueDateCell dueDate={facts(row).dueDate} overdue={facts(row).overdue} /> },
  ];
}
