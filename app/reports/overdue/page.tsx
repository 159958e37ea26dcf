import { getTranslations } from "next-intl/server";
import { getServerCaller } from "@/server/api/server-caller";
import { reportMetadata } from "@/components/reports/report-metadata";
import { OverdueList } from "@/components/reports/overdue-list";
import { readReportFilters, type SearchParams } from "@/components/url-params";
import { CalendarDate } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";
import { OVERDUE_PER_STATE } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const generateMetadata = reportMetadata("overdue");

// Public: overdue is computed from published recommendations and accepted statuses only.
export default async function OverduePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = readReportFilters(await searchParams);
  const caller = await getServerCaller();
  const [report, options, t] = await Promise.all([
    caller.reports.overdue({ ...filters, perState: OVERDUE_PER_STATE }),
    readReportOptions(caller),
    getTranslations("reports.overdue"),
  ]);

  return (
    <ReportPage
      section="/reports/overdue"
      title={t("title")}
      lead={t("lead")}
      filters={filters}
      options={options}
      downloads={{ report: "overdue" }}
      notes={["overdue"]}
    >
      {report.total === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <>
          <p className="overdue-summary">
            {t.rich("summary", {
              total: report.total,
              states: report.states.length,
              strong: (chunks) => <strong>{chunks}</strong>,
              date: () => <CalendarDate value={report.asOf} />,
            })}
          </p>
          <OverdueList states={report.states} filters={filters} />
        </>
      )}
    </ReportPage>
  );
}
