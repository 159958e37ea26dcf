import Link from "next/link";
import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";

export const MATRIX_SORTS = [
  { value: "name", label: "State name" },
  { value: "score", label: "Score (mean progress)" },
] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number]["value"];

/** Reads the `sort` URL parameter; anything else sorts by name. */
export function readMatrixSort(value: string | string[] | undefined): MatrixSort {
  const single = Array.isArray(value) ? value[0] : value;
  return single === "score" ? "score" : "name";
}

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
