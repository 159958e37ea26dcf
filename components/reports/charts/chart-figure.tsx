import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/ui/data-table";

/**
 * A chart with its text alternatives: a heading, the drawing named by a one-sentence summary for
 * screen readers, and a table with the same numbers right below it.
 */
export function ChartFigure<Row>({
  id,
  title,
  summary,
  chart,
  rows,
  rowKey,
  columns,
  foot,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: Column<Row>[];
  foot?: ReactNode;
}) {
  const t = useTranslations("reports.charts");
  return (
    <section className="chart-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-canvas" role="img" aria-label={summary}>
        {chart}
      </div>
      <DataTable caption={t("tableCaption", { title })} label={t("tableLabel", { title })} wrapClassName="chart-table" rows={rows} rowKey={rowKey} columns={columns} foot={foot} />
    </section>
  );
}
