import { reportQuery, type ReportFilterValues } from "@/components/url-params";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
  { format: "pdf", label: "PDF" },
] as const;

export type ExportSpec = { report: string; extra?: Record<string, string | number | undefined>; internalOption?: boolean };

/**
 * Download links for a report in the three formats, with the filters on screen. The links give
 * the public version to everyone; where a report has internal content (`internalOption`, for the
 * secretariat), a second, explicit set of links includes it, marked in the file.
 */
export function ExportLinks({ report, filters, extra = {}, internalOption = false }: ExportSpec & { filters: ReportFilterValues }) {
  const links = (internal?: "include") =>
    FORMATS.map(({ format, label }) => (
      <a
        key={format}
        className="button button-secondary button-small"
        href={`/api/reports/export${reportQuery(filters, { ...extra, report, format, internal })}`}
        download
        aria-label={internal ? `${label} with internal assessments` : undefined}
      >
        {label}
      </a>
    ));
  return (
    <>
      <div className="actions export-links" aria-label="Export">
        <span className="muted">Download{internalOption ? " (public version)" : ""}:</span>
        {links()}
      </div>
      {internalOption ? (
        <div className="actions export-links" aria-label="Export with internal assessments">
          <span className="muted">With internal assessments (marked, not for publication):</span>
          {links("include")}
        </div>
      ) : null}
    </>
  );
}
