import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";

/** Download links for a report in the three formats, with the filters on screen. */
export function ExportLinks({ report, filters, extra = {} }: { report: string; filters: ReportFilterValues; extra?: Record<string, string | number | undefined> }) {
  const query = (format: string) => `/api/reports/export${reportQuery(filters, { ...extra, report, format })}`;
  return (
    <div className="actions export-links" aria-label="Export">
      <span className="muted">Download:</span>
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
  );
}
