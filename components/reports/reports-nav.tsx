import Link from "next/link";
import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";

const REPORTS = [
  { href: "/reports/matrix", label: "Compliance matrix" },
  { href: "/reports/recommendations", label: "By recommendation" },
  { href: "/reports/states", label: "State report cards" },
  { href: "/reports/trend", label: "Trend" },
  { href: "/reports/overdue", label: "Overdue" },
];

/** Tabs between the reports, carrying the current filters along. */
export function ReportsNav({ current, filters }: { current: string; filters: ReportFilterValues }) {
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
