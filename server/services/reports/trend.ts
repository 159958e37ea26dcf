import "server-only";
import type { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { figuresFromRow, type FigureRow } from "@/server/services/compliance-figures";
import type { OdihrLevel } from "@/server/shared/figures";
import { endOfDayUtc } from "@/server/services/core/dates";
import { trendSql } from "@/server/services/reports/trend.sql";
import { ZTrendInput } from "@/server/schemas/reports";

function periodEnds(granularity: "quarter" | "month", periods: number, until: Date): Date[] {
  const months = granularity === "quarter" ? 3 : 1;
  // The last complete-or-current period ends at the end of the period containing `until`.
  const year = until.getUTCFullYear();
  const monthIndex = until.getUTCMonth();
  const lastPeriodStartMonth = monthIndex - (monthIndex % months);
  const ends: Date[] = [];
  for (let index = periods - 1; index >= 0; index--) {
    const startMonth = lastPeriodStartMonth - index * months;
    ends.push(new Date(Date.UTC(year, startMonth + months, 1) - 1));
  }
  return ends;
}

export function periodLabel(end: Date, granularity: "quarter" | "month") {
  const year = end.getUTCFullYear();
  if (granularity === "quarter") return `${year} Q${Math.floor(end.getUTCMonth() / 3) + 1}`;
  return `${year}-${String(end.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * The distribution of accepted statuses at the end of each period, from the history: each status
 * change is valid from its time until the next change of the same commitment.
 */
export async function getTrend(_actor: Actor, rawInput: z.input<typeof ZTrendInput>) {
  const input = ZTrendInput.parse(rawInput);
  const until = input.asOf ? endOfDayUtc(input.asOf) : new Date();
  const ends = periodEnds(input.granularity, input.periods, until);
  const rows = await db.$queryRaw<(FigureRow & { period_end: Date; status_id: string | null })[]>(trendSql(input, ends));
  // The whole scale of the recommendations in the selection, so the legend shows every status.
  const statuses = await db.scaleStatus.findMany({
    where: { scale: { recommendations: { some: { publication: "PUBLISHED", ...(input.sourceId ? { sourceId: input.sourceId } : {}) } } } },
    select: { id: true, key: true, label: true, position: true, odihrLevel: true, countsTowardsAverage: true },
    orderBy: [{ scaleId: "asc" }, { position: "asc" }],
  });
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const points = ends.map((end) => {
    const atEnd = rows.filter((row) => row.period_end.getTime() === end.getTime());
    const total = atEnd.find((row) => row.status_id === null);
    return {
      periodEnd: end.toISOString(),
      label: periodLabel(end, input.granularity),
      byStatus: Object.fromEntries(atEnd.filter((row) => row.status_id !== null).map((row) => [statusById.get(row.status_id!)!.key, row.commitments])) as Record<string, number>,
      figures: total ? figuresFromRow(total) : figuresFromRow({ commitments: 0, counted: 0, implemented: 0, meanProgress: null, odihrFully: 0, odihrMostly: 0, odihrPartially: 0, odihrNot: 0, odihrNotRated: 0 }),
    };
  });
  const seen = new Map<string, { key: string; label: string; position: number; odihrLevel: OdihrLevel | null }>();
  for (const status of statuses) if (!seen.has(status.key)) seen.set(status.key, status);
  return { filters: input, statuses: [...seen.values()].sort((a, b) => a.position - b.position), points };
}
