import Link from "next/link";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

const REPORTS = [
  { href: "/reports/matrix", label: "Compliance matrix" },
  { href: "/reports/recommendations", label: "By recommendation" },
  { href: "/reports/states", label: "State report cards" },
  { href: "/reports/trend", label: "Trend" },
  { href: "/reports/overdue", label: "Overdue" },
] as const;

export type ReportSection = (typeof REPORTS)[number]["href"];

/** Tabs between the reports, carrying the current filters along. */
export function ReportsNav({ current, filters }: { current: ReportSection; filters: ReportFilterValues }) {
  return (
    <nav aria-label="Reports" className="reports-nav">
      <ul>
        {REPORTS.map((report) => (
          <li key={report.href}>
            <Link href={`${report.href}${reportQuery(filters)}`} aria-current={current === report.href ? "page" : undefined}>
              {report.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
