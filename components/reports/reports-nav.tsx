import Link from "next/link";
import { useTranslations } from "next-intl";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

/** The reports, in the order of the tabs: address -> name (in the catalog, reports.nav). */
const REPORTS = {
  "/reports/matrix": "matrix",
  "/reports/recommendations": "recommendations",
  "/reports/states": "states",
  "/reports/trend": "trend",
  "/reports/overdue": "overdue",
} as const;

export type ReportSection = keyof typeof REPORTS;

/** Tabs between the reports, carrying the current filters along. */
export function ReportsNav({ current, filters }: { current: ReportSection; filters: ReportFilterValues }) {
  const t = useTranslations("reports.nav");
  return (
    <nav aria-label={t("label")} className="reports-nav">
      <ul>
        {Object.entries(REPORTS).map(([href, name]) => (
          <li key={href}>
            <Link href={`${href}${reportQuery(filters)}`} aria-current={current === href ? "page" : undefined}>
              {t(name)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
