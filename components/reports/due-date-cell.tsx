import { useTranslations } from "next-intl";
import { CalendarDate } from "@/components/ui/dates";

/** "Overdue" in words, with a symbol; never colour alone. */
export function OverdueBadge() {
  const t = useTranslations("reports.figures");
  return (
    <span className="badge badge-overdue">
      <span aria-hidden="true" className="badge-symbol">
        !
      </span>
      {t("overdue")}
    </span>
  );
}

/** A due date with its overdue marker, as the report tables show it. */
export function DueDateCell({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const t = useTranslations("reports.figures");
  return (
    <span className="due-cell">
      {dueDate ? <CalendarDate value={dueDate} /> : <span className="muted">{t("noDueDate")}</span>}
      {overdue ? <OverdueBadge /> : null}
    </span>
  );
}
