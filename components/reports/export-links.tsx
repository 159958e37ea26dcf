import { useTranslations } from "next-intl";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

// The formats' own names, the same in every language.
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
  const t = useTranslations("reports.downloads");
  const links = (internal?: "include") =>
    FORMATS.map(({ format, label }) => (
      <a
        key={format}
        className="button button-secondary button-small"
        href={`/api/reports/export${reportQuery(filters, { ...extra, report, format, internal })}`}
        download
        aria-label={internal ? t("internalLink", { format: label }) : undefined}
      >
        {label}
      </a>
    ));
  return (
    <>
      <div className="actions export-links" aria-label={t("label")}>
        <span className="muted">{internalOption ? t("downloadPublic") : t("download")}</span>
        {links()}
      </div>
      {internalOption ? (
        <div className="actions export-links" aria-label={t("internalLabel")}>
          <span className="muted">{t("internalIntro")}</span>
          {links("include")}
        </div>
      ) : null}
    </>
  );
}
