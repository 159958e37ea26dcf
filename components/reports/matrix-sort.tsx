import Link from "next/link";
import { useTranslations } from "next-intl";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export const MATRIX_SORTS = [
  { value: "name", label: "sortName" },
  { value: "score", label: "sortScore" },
] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number]["value"];

/** Two links rather than a select, so sorting needs no JavaScript and keeps the filters. */
export function MatrixSortLinks({ sort, filters }: { sort: MatrixSort; filters: ReportFilterValues }) {
  const t = useTranslations("reports.matrix");
  return (
    <div className="matrix-sort">
      <span id="matrix-sort-label" className="matrix-sort-label">
        {t("sortLabel")}
      </span>
      <ul aria-labelledby="matrix-sort-label">
        {MATRIX_SORTS.map((option) => (
          <li key={option.value}>
            <Link
              href={`/reports/matrix${reportQuery(filters, { sort: option.value === "name" ? undefined : option.value })}`}
              aria-current={sort === option.value ? "true" : undefined}
              prefetch={false}
            >
              {t(option.label)}
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
  const t = useTranslations("reports.matrix");
  if (columns.total <= pageSize) return null;
  const pages = Math.ceil(columns.total / pageSize);
  const href = (target: number) =>
    `/reports/matrix${reportQuery(filters, { sort: sort === "name" ? undefined : sort, columns: target === 1 ? undefined : target })}`;
  const first = columns.offset + 1;
  const last = columns.offset + columns.count;
  return (
    <nav className="matrix-columns" aria-label={t("columnsLabel")}>
      <p>{t("columnsRange", { first, last, total: columns.total, page, pages })}</p>
      <ul>
        <li>{page > 1 ? <a href={href(page - 1)}>{t("previousColumns")}</a> : <span aria-disabled="true">{t("previousColumns")}</span>}</li>
        <li>{page < pages ? <a href={href(page + 1)}>{t("nextColumns")}</a> : <span aria-disabled="true">{t("nextColumns")}</span>}</li>
      </ul>
    </nav>
  );
}
