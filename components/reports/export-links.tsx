import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";

/**
 * Download links for a report in the three formats, with the filters on screen. The links give
 * the public version to everyone; where a report has internal content (`internalOption`, for the
 * secretariat), a second, explicit set of links includes it, marked in the file.
 */
export function ExportLinks({
  report,
  filters,
  extra = {},
  internalOption = false,
}: {
  report: string;
  filters: ReportFilterValues;
  extra?: Record<string, string | number | undefined>;
  internalOption?: boolean;
}) {
  const query = (format: string, internal?: "include") => `/api/reports/export${reportQuery(filters, { ...extra, report, format, internal })}`;
  return (
    <>
      <div className="actions export-links" aria-label="Export">
        <span className="muted">Download{internalOption ? " (public version)" : ""}:</span>
        <a className="button button-secondary button-small" href={query("csv")} download>
          CSV
        </a>
        <a className="button button-secondary button-small" href={query("xlsx")} download>
          Excel
        </a>
        <a className="button button-secondary button-small" href={query("pdf")} download>
          PDF
        </a>
      </div>
      {internalOption ? (
        <div className="actions export-links" aria-label="Export with internal assessments">
          <span className="muted">With internal assessments (marked, not for publication):</span>
          <a className="button button-secondary button-small" href={query("csv", "include")} download aria-label="CSV with internal assessments">
            CSV
          </a>
          <a className="button button-secondary button-small" href={query("xlsx", "include")} download aria-label="Excel with internal assessments">
            Excel
          </a>
          <a className="button button-secondary button-small" href={query("pdf", "include")} download aria-label="PDF with internal assessments">
            PDF
          </a>
        </div>
      ) : null}
    </>
  );
}
