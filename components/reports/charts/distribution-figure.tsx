import { useLocale, useTranslations } from "next-intl";
import { ChartFigure } from "@/components/reports/charts/chart-figure";
import { ChartSwatch, ODIHR_COLORS } from "@/components/reports/charts/chart-palette";
import { formatPercent, ODIHR_LEVELS, type Figures } from "@/server/shared/figures";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { CategoryDatum } from "@/components/reports/charts/category-bar-chart";
import { LazyCategoryBarChart } from "@/components/reports/charts/lazy-charts";

/** How many States (or commitments) are at each ODIHR level, the unrated last, named in the reader's language. */
export function OdihrDistribution({ id, title, unit, byOdihr }: { id: string; title: string; unit: string; byOdihr: Figures["byOdihr"] }) {
  const t = useTranslations("reports.figures");
  const labels = useReferenceLabels();
  const rows = [...ODIHR_LEVELS, "NOT_RATED" as const].map((level) => ({ key: level, label: labels.odihrLevel(level), count: byOdihr[level], color: ODIHR_COLORS[level] }));
  return <DistributionFigure id={id} title={title} categoryHeader={t("odihrLevel")} unit={unit} rows={rows} />;
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
  const t = useTranslations("reports");
  const locale = useLocale();
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const part = (count: number) => formatPercent(total === 0 ? null : (count / total) * 100, locale);
  const counts = rows.map((row) => `${row.label} ${row.count}`).join(", ");
  const summary = t("charts.barSummary", { title, counts, total, unit });
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
        { key: "share", header: t("figures.share"), className: "report-num", cell: (row) => part(row.count) },
      ]}
      foot={
        <tr>
          <th scope="row">{t("figures.total")}</th>
          <td className="report-num">{total}</td>
          <td className="report-num">{part(total)}</td>
        </tr>
      }
    />
  );
}
