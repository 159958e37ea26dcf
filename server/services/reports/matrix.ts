import "server-only";
import type { z } from "zod";
import { queryRows } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { FigureAccumulator } from "@/server/services/compliance-figures";
import type { OdihrLevel } from "@/server/shared/figures";
import type { StatusRow } from "@/server/services/reports/cells";
import { allStatesSql, allStatusesSql, matrixCellsSql, matrixRecommendationsSql } from "@/server/services/reports/matrix.sql";
import { ZMatrixInput } from "@/server/schemas/reports";
import { withShownText, type TextColumns } from "@/server/services/core/content-language.sql";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";

export type MatrixReport = Awaited<ReturnType<typeof getMatrix>>;

/** One State's row of the matrix: per recommendation column, the status index (-1: not addressed) and progress. */
export type MatrixRow = { status: number[]; progress: number[] };

/**
 * The State x recommendation matrix: each cell the accepted status and progress; row, column and
 * total figures. One query reads the cells; the figures are computed from them in one pass with
 * the reference implementation, and `grid` holds the cells of the requested columns as flat
 * number arrays (114,000 cells serialise in milliseconds, unlike one small array per cell).
 */
export async function getMatrix(_actor: Actor, rawInput: z.input<typeof ZMatrixInput>, locale: Locale = DEFAULT_LOCALE) {
  const input = ZMatrixInput.parse(rawInput);
  type Cell = { state_id: string; rec_id: string; status_id: string; progress: number; counts: boolean; odihr: OdihrLevel | null };
  const [cells, stateRows, recommendationRows, statusRows] = await Promise.all([
    queryRows<Cell>(matrixCellsSql(input)),
    queryRows<{ id: string; name: string; iso2: string; kind: string }>(allStatesSql()),
    queryRows<{ id: string; reference: string } & TextColumns>(matrixRecommendationsSql(input, locale)),
    queryRows<StatusRow>(allStatusesSql()),
  ]);

  const stateFigures = new Map<string, FigureAccumulator>();
  const recommendationFigures = new Map<string, FigureAccumulator>();
  const totals = new FigureAccumulator();
  const statusUsed = new Set<string>();
  for (const cell of cells) {
    let row = stateFigures.get(cell.state_id);
    if (!row) stateFigures.set(cell.state_id, (row = new FigureAccumulator()));
    let column = recommendationFigures.get(cell.rec_id);
    if (!column) recommendationFigures.set(cell.rec_id, (column = new FigureAccumulator()));
    row.add(cell.progress, cell.counts, cell.odihr);
    column.add(cell.progress, cell.counts, cell.odihr);
    totals.add(cell.progress, cell.counts, cell.odihr);
    statusUsed.add(cell.status_id);
  }

  // By name in the reader's language; by score, equal scores keep that order (a stable sort).
  const states = sortStatesByName(
    stateRows.filter((state) => stateFigures.has(state.id)).map((state) => ({ ...state, figures: stateFigures.get(state.id)!.figures() })),
    locale,
  );
  if (input.sort === "score") states.sort((a, b) => (b.figures.meanProgress ?? -1) - (a.figures.meanProgress ?? -1));
  const allRecommendations = recommendationRows
    .filter((recommendation) => recommendationFigures.has(recommendation.id))
    .map((recommendation) => ({ ...withShownText(recommendation, locale), figures: recommendationFigures.get(recommendation.id)!.figures() }));
  const statuses = statusRows.filter((status) => statusUsed.has(status.id));
  const statusIndex = new Map(statuses.map((status, index) => [status.id, index]));

  // The columns whose cells are sent: all of them unless a window is asked for.
  const offset = Math.min(input.columnOffset, allRecommendations.length);
  const recommendations = allRecommendations.slice(offset, input.columnLimit === undefined ? undefined : offset + input.columnLimit);
  const stateIndex = new Map(states.map((state, index) => [state.id, index]));
  const columnIndex = new Map(recommendations.map((recommendation, index) => [recommendation.id, index]));
  const grid: MatrixRow[] = states.map(() => ({ status: new Array<number>(recommendations.length).fill(-1), progress: new Array<number>(recommendations.length).fill(0) }));
  if (recommendations.length > 0) {
    for (const cell of cells) {
      const column = columnIndex.get(cell.rec_id);
      if (column === undefined) continue;
      const row = grid[stateIndex.get(cell.state_id)!]!;
      row.status[column] = statusIndex.get(cell.status_id)!;
      row.progress[column] = cell.progress;
    }
  }
  return {
    filters: input,
    statuses,
    states,
    /** The figures of every recommendation in the selection, in reference order. */
    allRecommendations: input.columnLimit === undefined ? undefined : allRecommendations,
    /** The recommendations of the requested columns (all of them when no window is asked for). */
    recommendations,
    columns: { offset, count: recommendations.length, total: allRecommendations.length },
    grid,
    totals: totals.figures(),
  };
}
