import { getLocale, getTranslations } from "next-intl/server";
import { getServerCaller } from "@/server/api/server-caller";
import { reportMetadata } from "@/components/reports/report-metadata";
import { MatrixLegend } from "@/components/reports/matrix-legend";
import { MatrixColumnPager, MatrixSortLinks } from "@/components/reports/matrix-sort";
import { MatrixTable } from "@/components/reports/matrix-table";
import { readColumnPage, readReportFilters, readScoreSort, type SearchParams } from "@/components/url-params";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";
import { formatPercent, formatShare } from "@/server/shared/figures";
import { MATRIX_PAGE_COLUMNS } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const generateMetadata = reportMetadata("matrix");

// Public: reports show only published recommendations and accepted statuses, to anyone.
export default async function MatrixPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const sort = readScoreSort(params.sort);
  const page = readColumnPage(params.columns);
  const caller = await getServerCaller();
  const [matrix, options] = await Promise.all([
    caller.reports.matrix({ ...filters, sort, columnOffset: (page - 1) * MATRIX_PAGE_COLUMNS, columnLimit: MATRIX_PAGE_COLUMNS }),
    readReportOptions(caller),
  ]);
  const empty = matrix.states.length === 0 || matrix.columns.total === 0;
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale()]);

  return (
    <ReportPage
      section="/reports/matrix"
      title={t("matrix.title")}
      lead={t("matrix.lead")}
      filters={filters}
      options={options}
      hidden={sort === "name" ? {} : { sort }}
      tools={empty ? null : <MatrixSortLinks sort={sort} filters={filters} />}
      downloads={empty ? null : { report: "matrix", extra: { sort: sort === "name" ? undefined : sort } }}
      notes={["counted", "shareImplemented", "meanProgress", "asOf"]}
    >
      {empty ? (
        <EmptyState title={t("matrix.emptyTitle")}>{t("filters.tryOthers")}</EmptyState>
      ) : (
        <>
          <p className="matrix-summary">
            {t.rich("matrix.summary", {
              states: matrix.states.length,
              recommendations: matrix.columns.total,
              share: formatShare(matrix.totals.shareImplemented, locale),
              mean: formatPercent(matrix.totals.meanProgress, locale),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <MatrixLegend statuses={matrix.statuses} />
          <MatrixColumnPager columns={matrix.columns} page={page} pageSize={MATRIX_PAGE_COLUMNS} sort={sort} filters={filters} />
          {matrix.columns.count > 0 ? (
            <MatrixTable matrix={matrix} filters={filters} />
          ) : (
            <EmptyState title={t("matrix.noColumnsTitle")}>{t("matrix.noColumnsText")}</EmptyState>
          )}
        </>
      )}
    </ReportPage>
  );
}
