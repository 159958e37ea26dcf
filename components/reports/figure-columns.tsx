import type { Column } from "@/components/ui/data-table";
import { formatPercent, formatShare, type Figures } from "@/server/shared/figures";

type FigureName = "commitments" | "counted" | "meanProgress" | "shareImplemented";

const FORMAT: Record<FigureName, (figures: Figures, locale: string) => string | number> = {
  commitments: (figures) => figures.commitments,
  counted: (figures) => figures.counted,
  meanProgress: (figures, locale) => formatPercent(figures.meanProgress, locale),
  shareImplemented: (figures, locale) => formatShare(figures.shareImplemented, locale),
};

/** Number columns of a row's figures, in the order given, each under its header; percentages in the reader's language. */
export function figureColumns<Row extends { figures: Figures }>(headers: Partial<Record<FigureName, string>>, locale: string): Column<Row>[] {
  return (Object.entries(headers) as [FigureName, string][]).map(([name, header]) => ({
    key: name,
    header,
    className: "report-num",
    cell: (row) => FORMAT[name](row.figures, locale),
  }));
}
