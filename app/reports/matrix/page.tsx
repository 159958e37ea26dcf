import type { Metadata } from "next";
import { getServerCaller } from "@/server/api/server-caller";
import { ExportLinks } from "@/components/reports/export-links";
import { FigureNotes } from "@/components/reports/figure-notes";
import { MatrixLegend } from "@/components/reports/matrix-legend";
import { MatrixColumnPager, MatrixSortLinks, readMatrixColumnPage, readMatrixSort } from "@/components/reports/matrix-sort";
import { MatrixTable } from "@/components/reports/matrix-table";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";
import { EmptyState } from "@/components/ui/empty-state";
import { formatProgress, formatShare } from "@/server/shared/figures";
import { MATRIX_PAGE_COLUMNS } from "@/server/schemas/reports";
import "../../reports.css";
import "../../reports-matrix.css";

export const metadata: Metadata = { title: "Compliance matrix" };

// Public: reports show only published recommendations and accepted statuses, to anyone.
export default async function MatrixPage({ searchParams }: { searchParams: Promise<ReportSearchParams> }) {
  const params = await searchParams;
  const filters = readReportFilters(params);
  const sort = readMatrixSort(params.sort);
  const page = readMatrixColumnPage(params.columns);
  const caller = await getServerCaller();
  const [matrix, sources, themes] = await Promise.all([
    caller.reports.matrix({ ...filters, sort, columnOffset: (page - 1) * MATRIX_PAGE_COLUMNS, columnLimit: MATRIX_PAGE_COLUMNS }),
    caller.sources.list(),
    caller.recommendations.themes(),
  ]);
  const empty = matrix.states.length === 0 || matrix.columns.total === 0;

  return (
    <>
      <ReportsNav current="/reports/matrix" filters={filters} />
      <h1>Compliance matrix</h1>
      <p className="muted">
        The accepted status of each published recommendation in each State. Only updates accepted by the secretariat count.
      </p>
      <ReportFilters
        values={filters}
        sources={sources.map((source) => ({ id: source.id, title: source.title }))}
        themes={themes.map((theme) => ({ key: theme.key, label: theme.label }))}
        hidden={sort === "name" ? {} : { sort }}
      />
      {empty ? (
        <EmptyState title="Nothing is published for these filters.">
          Choose another source, theme or group of States, or a later &ldquo;As of&rdquo; date.
        </EmptyState>
      ) : (
        <>
          <div className="matrix-toolbar">
            <MatrixSortLinks sort={sort} filters={filters} />
            <ExportLinks report="matrix" filters={filters} extra={{ sort: sort === "name" ? undefined : sort }} />
          </div>
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
      <FigureNotes keys={["counted", "shareImplemented", "meanProgress", "asOf"]} />
    </>
  );
}
