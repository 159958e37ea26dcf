import Link from "next/link";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export const MATRIX_SORTS = [
  { value: "name", label: "State name" },
  { value: "score", label: "Score (mean progress)" },
] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number]["value"];

/** Two links rather than a select, so sorting needs no JavaScript and keeps the filters. */
export function MatrixSortLinks({ sort, filters }: { sort: MatrixSort; filters: ReportFilterValues }) {
  return (
    <div className="matrix-sort">
      <span id="matrix-sort-label" className="matrix-sort-label">
        Sort States by
      </span>
      <ul aria-labelledby="matrix-sort-label">
        {MATRIX_SORTS.map((option) => (
          <li key={option.value}>
            <Link
              href={`/reports/matrix${reportQuery(filters, { sort: option.value === "name" ? undefined : option.value })}`}
              aria-current={sort === option.value ? "true" : undefined}
              prefetch={false}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The matrix shows a window of recommendation columns at a time (a page of 57 x 200 cells is
 * already large); these links move the window and keep the filters and the sort.
 */
export function MatrixColumnPager({
  columns,
  page,
  pageSize,
  sort,
  filters,
}: {
  columns: { offset: number; count: number; total: number };
  page: number;
  pageSize: number;
  sort: MatrixSort;
  filters: ReportFilterValues;
}) {
  if (columns.total <= pageSize) return null;
  const pages = Math.ceil(columns.total / pageSize);
  const href = (target: number) =>
    `/reports/matrix${reportQuery(filters, { sort: sort === "name" ? undefined : sort, columns: target === 1 ? undefined : target })}`;
  const first = columns.offset + 1;
  const last = columns.offset + columns.count;
  return (
    <nav className="matrix-columns" aria-label="Recommendation columns">
      <p>
        Recommendations {first.toLocaleString("en")}–{last.toLocaleString("en")} of {columns.total.toLocaleString("en")} (page {page} of {pages}). The
        figures of each State cover all {columns.total.toLocaleString("en")}.
      </p>
      <ul>
        <li>{page > 1 ? <a href={href(page - 1)}>Previous recommendations</a> : <span aria-disabled="true">Previous recommendations</span>}</li>
        <li>{page < pages ? <a href={href(page + 1)}>Next recommendations</a> : <span aria-disabled="true">Next recommendations</span>}</li>
      </ul>
    </nav>
  );
}
