import type { Metadata } from "next";
import { getServerCaller } from "@/server/api/server-caller";
import { MatrixLegend } from "@/components/reports/matrix-legend";
import { MatrixColumnPager, MatrixSortLinks } from "@/components/reports/matrix-sort";
import { MatrixTable } from "@/components/reports/matrix-table";
import { readColumnPage, readReportFilters, readScoreSort, type SearchParams } from "@/components/url-params";
import { EmptyState } from "@/components/ui/empty-state";
import { ReportPage, readReportOptions } from "@/components/ui/report-page";
import { formatProgress, formatShare } from "@/server/shared/figures";
import { MATRIX_PAGE_COLUMNS } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const metadata: Metadata = { title: "Compliance matrix" };

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

  return (
    <ReportPage
      section="/reports/matrix"
      title="Compliance matrix"
      lead="The accepted status of each published recommendation in each State. Only updates accepted by the secretariat count."
      filters={filters}
      options={options}
      hidden={sort === "name" ? {} : { sort }}
      tools={empty ? null : <MatrixSortLinks sort={sort} filters={filters} />}
      downloads={empty ? null : { report: "matrix", extra: { sort: sort === "name" ? undefined : sort } }}
      notes={["counted", "shareImplemented", "meanProgress", "asOf"]}
    >
      {empty ? (
        <EmptyState title="Nothing is published for these filters.">
          Choose another source, theme or group of States, or a later &ldquo;As of&rdquo; date.
        </EmptyState>
      ) : (
        <>
          <p className="matrix-summary">
            {matrix.states.length} States × {matrix.columns.total.toLocaleString("en")} recommendations. Overall share implemented:{" "}
            <strong>{formatShare(matrix.totals.shareImplemented)}</strong>; mean progress: <strong>{formatProgress(matrix.totals.meanProgress)}</strong>.
          </p>
          <MatrixLegend statuses={matrix.statuses} />
          <MatrixColumnPager columns={matrix.columns} page={page} pageSize={MATRIX_PAGE_COLUMNS} sort={sort} filters={filters} />
          {matrix.columns.count > 0 ? (
            <MatrixTable matrix={matrix} filters={filters} />
          ) : (
            <EmptyState title="There are no recommendations on this page.">Go back to the first page of recommendations.</EmptyState>
          )}
        </>
      )}
    </ReportPage>
  );
}
