import type { CSSProperties } from "react";

// Okabe-Ito hues (distinguishable with the common colour-vision deficiencies), darkened where
// needed so that every bar has at least 3:1 contrast against the white page. Colour is never the
// only carrier: every chart has text labels and a table with the same numbers.

const STATUS_COLORS: Record<string, string> = {
  not_started: "#4B5563", // dark grey, 7.6:1
  planned: "#D55E00", // vermillion, 3.9:1
  in_progress: "#0072B2", // blue, 5.2:1
  partially_implemented: "#AA3377", // reddish purple, 6.1:1
  implemented: "#009E73", // bluish green, 3.4:1
  not_applicable: "#8A8A8A", // light grey, 3.5:1
};

/** For statuses of other scales, in order of position. */
const FALLBACK_COLORS = ["#0072B2", "#D55E00", "#009E73", "#AA3377", "#4B5563", "#994F00", "#8A8A8A"];

export const ODIHR_COLORS: Record<"FULLY" | "MOSTLY" | "PARTIALLY" | "NOT_IMPLEMENTED" | "NOT_RATED", string> = {
  FULLY: "#009E73",
  MOSTLY: "#0072B2",
  PARTIALLY: "#AA3377",
  NOT_IMPLEMENTED: "#D55E00",
  NOT_RATED: "#8A8A8A",
};

export function statusColor(key: string, index: number): string {
  return STATUS_COLORS[key] ?? FALLBACK_COLORS[index % FALLBACK_COLORS.length]!;
}

/** The colour of a series next to its name in a table, so the table doubles as the chart's key. */
export function ChartSwatch({ color }: { color: string }) {
  const style: CSSProperties = { background: color };
  return <span className="chart-swatch" style={style} aria-hidden="true" />;
}
