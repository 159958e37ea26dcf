import "server-only";
import { Prisma } from "@/prisma/generated/client";
import type { Figures, OdihrLevel } from "@/server/shared/figures";

// Every compliance figure is defined here, once: the SQL the database aggregates with, and a
// reference implementation that the unit tests pin down and the integration tests compare the SQL
// against. Their names, definitions and formatting (which the pages show) are in
// server/shared/figures.ts.

/** One commitment's accepted status, as the figures see it. */
export type FigureCell = { progress: number; countsTowardsAverage: boolean; odihrLevel: OdihrLevel | null };

/**
 * Adds commitments one at a time and gives their figures: the reference implementation (the
 * database computes the same in FIGURE_SQL), and what the reports use when they already hold
 * every cell, so that figures over rows, columns and totals cost one pass instead of one query each.
 */
export class FigureAccumulator {
  private commitments = 0;
  private counted = 0;
  private implemented = 0;
  private progressSum = 0;
  private readonly byOdihr = { FULLY: 0, MOSTLY: 0, PARTIALLY: 0, NOT_IMPLEMENTED: 0, NOT_RATED: 0 };

  add(progress: number, countsTowardsAverage: boolean, odihrLevel: OdihrLevel | null): void {
    this.commitments += 1;
    this.byOdihr[odihrLevel ?? "NOT_RATED"] += 1;
    if (!countsTowardsAverage) return;
    this.counted += 1;
    this.progressSum += progress;
    if (odihrLevel === "FULLY") this.implemented += 1;
  }

  figures(): Figures {
    return {
      commitments: this.commitments,
      counted: this.counted,
      implemented: this.implemented,
      shareImplemented: this.counted ? this.implemented / this.counted : null,
      meanProgress: this.counted ? this.progressSum / this.counted : null,
      byOdihr: { ...this.byOdihr },
    };
  }
}

/** The figures of a set of commitments. */
export function computeFigures(cells: FigureCell[]): Figures {
  const figures = new FigureAccumulator();
  for (const cell of cells) figures.add(cell.progress, cell.countsTowardsAverage, cell.odihrLevel);
  return figures.figures();
}

/**
 * The same figures as SQL aggregate expressions over rows that expose `progress`,
 * `counts` (boolean) and `odihr` (text or null). Used by every report query.
 */
export const FIGURE_SQL = Prisma.sql`
  count(*)::int AS "commitments",
  count(*) FILTER (WHERE counts)::int AS "counted",
  count(*) FILTER (WHERE counts AND odihr = 'FULLY')::int AS "implemented",
  avg(progress) FILTER (WHERE counts)::float8 AS "meanProgress",
  count(*) FILTER (WHERE odihr = 'FULLY')::int AS "odihrFully",
  count(*) FILTER (WHERE odihr = 'MOSTLY')::int AS "odihrMostly",
  count(*) FILTER (WHERE odihr = 'PARTIALLY')::int AS "odihrPartially",
  count(*) FILTER (WHERE odihr = 'NOT_IMPLEMENTED')::int AS "odihrNot",
  count(*) FILTER (WHERE odihr IS NULL)::int AS "odihrNotRated"`;

export type FigureRow = {
  commitments: number;
  counted: number;
  implemented: number;
  meanProgress: number | null;
  odihrFully: number;
  odihrMostly: number;
  odihrPartially: number;
  odihrNot: number;
  odihrNotRated: number;
};

/** Turns a row of FIGURE_SQL into Figures. */
export function figuresFromRow(row: FigureRow): Figures {
  return {
    commitments: row.commitments,
    counted: row.counted,
    implemented: row.implemented,
    shareImplemented: row.counted ? row.implemented / row.counted : null,
    meanProgress: row.meanProgress,
    byOdihr: {
      FULLY: row.odihrFully,
      MOSTLY: row.odihrMostly,
      PARTIALLY: row.odihrPartially,
      NOT_IMPLEMENTED: row.odihrNot,
      NOT_RATED: row.odihrNotRated,
    },
  };
}

export const EMPTY_FIGURES: Figures = computeFigures([]);
