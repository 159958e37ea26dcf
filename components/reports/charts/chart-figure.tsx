import type { ReactNode } from "react";

/**
 * A chart with its text alternatives: a heading, the drawing named by a one-sentence summary for
 * screen readers, and a table with the same numbers right below it.
 */
export function ChartFigure({ id, title, summary, chart, table }: { id: string; title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section className="chart-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="chart-canvas" role="img" aria-label={summary}>
        {chart}
      </div>
      {table}
    </section>
  );
}
