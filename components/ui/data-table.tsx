import type { ReactNode, Ref } from "react";

/** One column: its header, the cell of a row, and how the cell is marked up. */
export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The cell that names its row: a `<th scope="row">` (the first column, usually). */
  rowHeader?: boolean;
  /** On the header and every cell of the column (e.g. "report-num" for numbers). */
  className?: string;
  /** Whether the rows are sorted by this column, for screen readers (aria-sort). */
  sorted?: "ascending" | "descending";
};

/**
 * A table of rows in a named, focusable region that scrolls sideways on narrow screens (keyboard
 * users scroll it with the arrow keys). The caption names the table (hidden visually: the page's
 * heading says it); column headers have scope="col", the row-naming cells scope="row". While new
 * rows load, the region is aria-busy. Without rows it shows `empty` instead, when given.
 */
export function DataTable<Row>({
  caption,
  label = caption,
  columns,
  rows,
  rowKey,
  busy = false,
  empty,
  foot,
  className,
  wrapClassName,
  ref,
}: {
  caption: string;
  /** The region's name; the caption by default. */
  label?: string;
  columns: (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  busy?: boolean;
  empty?: ReactNode;
  /** Rows of totals, in a `<tfoot>`. */
  foot?: ReactNode;
  className?: string;
  wrapClassName?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  return (
    <div
      ref={ref}
      className={wrapClassName ? `table-wrap ${wrapClassName}` : "table-wrap"}
      role="region"
      aria-label={label}
      aria-busy={busy || undefined}
      tabIndex={0}
    >
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {shown.map((column) => (
              <th key={column.key} scope="col" className={column.className} aria-sort={column.sorted}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {shown.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/**
 * The line that says how many rows there are (or that they are loading), announced politely to
 * screen readers when it changes. Say it in words: never a colour or a spinner alone.
 */
export function CountLine({ busy = false, busyText, className, children }: { busy?: boolean; busyText?: string; className?: string; children?: ReactNode }) {
  return (
    <p role="status" className={className}>
      {busy && busyText ? busyText : children}
    </p>
  );
}

/** "1 recommendation", "1,234 recommendations". */
export function countOf(count: number, singular: string, plural = `${singular}s`) {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : plural}`;
}
