// How the compliance figures are named and shown: the ODIHR levels, the definitions printed under
// every report, and the formatting of shares and means. The figures themselves (the SQL and the
// reference implementation) are computed in server/services/compliance-figures.ts.

export type OdihrLevel = "FULLY" | "MOSTLY" | "PARTIALLY" | "NOT_IMPLEMENTED";
export const ODIHR_LEVELS: OdihrLevel[] = ["FULLY", "MOSTLY", "PARTIALLY", "NOT_IMPLEMENTED"];
export const ODIHR_LABELS: Record<OdihrLevel | "NOT_RATED", string> = {
  FULLY: "Fully implemented",
  MOSTLY: "Mostly implemented",
  PARTIALLY: "Partially implemented",
  NOT_IMPLEMENTED: "Not implemented",
  NOT_RATED: "Not rated (not applicable)",
};

export const FIGURE_DEFINITIONS = {
  counted:
    "Commitments counted: those whose accepted status counts towards averages. Commitments marked \"Not applicable\" are left out of every average and share.",
  shareImplemented:
    "Share implemented: counted commitments whose accepted status is rated \"fully implemented\" on the ODIHR scale, divided by the commitments counted.",
  meanProgress:
    "Mean progress: the average accepted progress (0-100%) of the commitments counted. A State's score is its mean progress.",
  asOf:
    "As of a date: each commitment's accepted status at the end of that day (UTC), read from its history of accepted updates; commitments published later are not included.",
  overdue:
    "Overdue: the due date has passed and no update has been accepted for the commitment.",
  disagreement:
    "Disagreement: the secretariat's latest assessment rates the commitment differently from the State's accepted status.",
} as const;

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

/** How a figure is shown: one decimal for percentages, "—" when there is nothing to count. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${(share * 100).toFixed(1)}%`;
}

export function formatProgress(mean: number | null): string {
  return mean === null ? "—" : `${mean.toFixed(1)}%`;
}
