import Link from "next/link";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

/** The reports, in the order of the tabs: address -> name. */
const REPORTS = {
  "/reports/matrix": "Compliance matrix",
  "/reports/recommendations": "By recommendation",
  "/reports/states": "State report cards",
  "/reports/trend": "Trend",
  "/reports/overdue": "Overdue",
} as const;

export type ReportSection = keyof typeof REPORTS;

/** Tabs between the reports, carrying the current filters along. */
export function ReportsNav({ current, filters }: { current: ReportSection; filters: ReportFilterValues }) {
  return (
    <nav aria-label="Reports" className="reports-nav">
      <ul>
        {Object.entries(REPORTS).map(([href, label]) => (
          <li key={href}>
            <Link href={`${href}${reportQuery(filters)}`} aria-current={current === href ? "page" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
