// How the compliance figures are shown: the ODIHR levels and the formatting of shares and means.
// Their names and the definitions printed under every report are in the message catalogs
// (reference: odihrLevels; reports: definitions). The figures themselves (the SQL and the
// reference implementation) are computed in server/services/compliance-figures.ts.

import { ODIHR_LEVELS } from "@/server/shared/odihr-levels";

export { ODIHR_LEVELS };
export type OdihrLevel = (typeof ODIHR_LEVELS)[number];

/** The figures printed under the reports, each defined in words in the catalogs (reports.definitions). */
export const FIGURE_KEYS = ["counted", "shareImplemented", "meanProgress", "asOf", "overdue", "disagreement"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export type Figures = {
  commitments: number;
  counted: number;
  implemented: number;
  /** 0..1, or null when nothing is counted. */
  shareImplemented: number | null;
  /** 0..100, or null when nothing is counted. */
  meanProgress: number | null;
  byOdihr: Record<OdihrLevel | "NOT_RATED", number>;
};

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A percentage (0..100) in the reader's language, with `digits` decimals: "12.5%" in English,
 * "12,5 %" in French; "—" when there is nothing to count. Rounded half up first, as the exports
 * round their numbers.
 */
export function formatPercent(value: number | null, locale: string, digits = 1): string {
  if (value === null) return "—";
  const id = `${locale}/${digits}`;
  let format = percentFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
    percentFormats.set(id, format);
  }
  const scale = 10 ** digits;
  return format.format(Math.round(value * scale) / scale / 100);
}

/** A share (0..1, such as the share implemented) as a percentage: `formatPercent` of its hundredfold. */
export function formatShare(share: number | null, locale: string): string {
  return formatPercent(share === null ? null : share * 100, locale);
}
