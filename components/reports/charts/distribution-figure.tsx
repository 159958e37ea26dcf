import { ChartFigure } from "@/components/reports/charts/chart-figure";
import { ChartSwatch, ODIHR_COLORS } from "@/components/reports/charts/chart-palette";
import { ODIHR_LABELS, ODIHR_LEVELS } from "@/server/shared/figures";
import type { CategoryDatum } from "@/components/reports/charts/category-bar-chart";
import { LazyCategoryBarChart } from "@/components/reports/charts/lazy-charts";

function formatPart(count: number, total: number) {
  return total === 0 ? "—" : `${((count / total) * 100).toFixed(1)}%`;
}

/** The rows of a distribution by ODIHR level, the unrated last. */
export function odihrRows(byOdihr: Record<(typeof ODIHR_LEVELS)[number] | "NOT_RATED", number>): CategoryDatum[] {
  return [...ODIHR_LEVELS, "NOT_RATED" as const].map((level) => ({ key: level, label: ODIHR_LABELS[level], count: byOdihr[level], color: ODIHR_COLORS[level] }));
}

/** How many States (or commitments) fall in each category: a bar chart and the same numbers as a table. */
export function DistributionFigure({
  id,
  title,
  categoryHeader,
  unit,
  rows,
}: {
  id: string;
  title: string;
  /** The first column's header, e.g. "Status". */
  categoryHeader: string;
  /** What is counted, plural, e.g. "States". */
  unit: string;
  rows: CategoryDatum[];
}) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const summary = `Bar chart, ${title}: ${rows.map((row) => `${row.label} ${row.count}`).join(", ")}. ${total} ${unit} in all.`;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      chart={<LazyCategoryBarChart data={rows} />}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        {
          key: "category",
          header: categoryHeader,
          rowHeader: true,
          cell: (row) => (
            <>
              <ChartSwatch color={row.color} />
              {row.label}
            </>
          ),
        },
        { key: "count", header: unit, className: "report-num", cell: (row) => row.count },
        { key: "share", header: "Share", className: "report-num", cell: (row) => formatPart(row.count, total) },
      ]}
      foot={
        <tr>
          <th scope="row">Total</th>
          <td className="report-num">{total}</td>
          <td className="report-num">{total === 0 ? "—" : "100.0%"}</td>
        </tr>
      }
    />
  );
}
