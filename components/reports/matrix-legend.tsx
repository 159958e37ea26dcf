import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { statusClass, type MatrixStatus } from "@/components/reports/matrix-table";
import { statusSymbol } from "@/components/ui/status-badge";

/** What each cell's colour and symbol mean; every status the matrix shows, and "not addressed". */
export function MatrixLegend({ statuses }: { statuses: MatrixStatus[] }) {
  const t = useTranslations("reports.matrix");
  const labels = useReferenceLabels();
  // Several scales may share a status; list each key and label once.
  const seen = new Set<string>();
  const shown = statuses.filter((status) => {
    const id = `${status.key}\u0000${status.label}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return (
    <div className="matrix-legend">
      <p id="matrix-legend-title" className="matrix-legend-title">
        {t("legendTitle")}
      </p>
      <ul aria-labelledby="matrix-legend-title">
        {shown.map((status) => (
          <li key={`${status.key}-${status.label}`}>
            <span className={`matrix-swatch ${statusClass(status.key)}`} aria-hidden="true">
              {statusSymbol(status.key)}
            </span>
            {labels.status(status)}
            {status.countsTowardsAverage ? null : <span className="muted"> {t("notCounted")}</span>}
          </li>
        ))}
        <li>
          <span className="matrix-swatch mx-none" aria-hidden="true">
            —
          </span>
          {t("notAddressedToState")}
        </li>
      </ul>
      <p className="muted matrix-legend-hint">{t("legendHint")}</p>
    </div>
  );
}
