import "server-only";
import type { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { FIGURE_DEFINITIONS, ODIHR_LABELS, ODIHR_LEVELS, type Figures } from "@/server/shared/figures";
import { getMatrix } from "@/server/services/reports/matrix";
import { getOverdue } from "@/server/services/reports/overdue";
import { getRecommendationReport } from "@/server/services/reports/recommendation-report";
import { getStateReport } from "@/server/services/reports/state-report";
import { getTrend } from "@/server/services/reports/trend";
import type { ExportDocument, ExportTable } from "@/server/services/exports/table";
import type { ZMatrixInput, ZRecommendationReportInput, ZReportFilters, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";

/** Percentages as the pages show them: one decimal. */
export function roundPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
const share = (figures: Figures) => roundPercent(figures.shareImplemented === null ? null : figures.shareImplemented * 100);
const mean = (figures: Figures) => roundPercent(figures.meanProgress);
/** YYYY-MM-DD of an ISO date or time (every report gives its dates as ISO strings). */
const day = (date: string | null) => (date === null ? null : date.slice(0, 10));

const GROUP_LABELS = { participating: "Participating States", partners: "Partners for Co-operation", all: "All States" } as const;

async function describeFilters(filters: z.output<typeof ZReportFilters>): Promise<string[]> {
  const source = filters.sourceId ? await db.source.findUnique({ where: { id: filters.sourceId }, select: { title: true } }) : null;
  const theme = filters.themeKey ? await db.theme.findUnique({ where: { key: filters.themeKey }, select: { label: true } }) : null;
  return [
    `Source: ${source?.title ?? "All sources"}`,
    `Theme: ${theme?.label ?? "All themes"}`,
    `States: ${GROUP_LABELS[filters.stateGroup]}`,
    `As of: ${filters.asOf ?? "today"}`,
  ];
}

/** How internal content is marked in every export format. */
export const INTERNAL_LABEL = "Internal";
export const INTERNAL_NOTICE =
  "INTERNAL - not for publication: includes the secretariat's internal assessments (marked \"Internal\"). Download the public version to share.";

const NOTES = [FIGURE_DEFINITIONS.counted, FIGURE_DEFINITIONS.shareImplemented, FIGURE_DEFINITIONS.meanProgress, FIGURE_DEFINITIONS.asOf];

export async function matrixDocument(actor: Actor, input: z.input<typeof ZMatrixInput>): Promise<ExportDocument> {
  const matrix = await getMatrix(actor, input);
  const table: ExportTable = {
    name: "Compliance matrix",
    columns: [
      { header: "State", width: 28 },
      { header: "ISO", width: 6 },
      ...matrix.recommendations.map((recommendation) => ({ header: recommendation.reference, width: 24 })),
      { header: "Share implemented (%)", width: 14, kind: "percent" as const },
      { header: "Mean progress (%)", width: 14, kind: "percent" as const },
    ],
    rows: [
      ...matrix.states.map((state, row) => [
        state.name,
        state.iso2,
        ...matrix.grid[row]!.status.map((statusIndex, column) => (statusIndex < 0 ? null : `${matrix.statuses[statusIndex]!.label} (${matrix.grid[row]!.progress[column]}%)`)),
        share(state.figures),
        mean(state.figures),
      ]),
      ["Share implemented (%)", null, ...matrix.recommendations.map((recommendation) => share(recommendation.figures)), share(matrix.totals), null],
      ["Mean progress (%)", null, ...matrix.recommendations.map((recommendation) => mean(recommendation.figures)), null, mean(matrix.totals)],
    ],
  };
  return {
    title: "Compliance matrix",
    filters: await describeFilters(matrix.filters),
    generatedAt: new Date(),
    tables: [table],
    charts: [],
    notes: NOTES,
  };
}

export async function recommendationDocument(actor: Actor, input: z.input<typeof ZRecommendationReportInput>): Promise<ExportDocument> {
  const report = await getRecommendationReport(actor, input);
  return {
    title: `Recommendation ${report.recommendation.reference}`,
    filters: [...(await describeFilters(report.filters)), `Recommendation: ${report.recommendation.text}`],
    generatedAt: new Date(),
    charts: [
      { title: "States by status", bars: [{ label: report.recommendation.reference, segments: report.distribution.map((entry) => ({ label: `${entry.label}: ${entry.count}`, value: entry.count })) }] },
    ],
    tables: [
      {
        name: "States",
        columns: [
          { header: "State", width: 28 },
          { header: "Status", width: 22 },
          { header: "Progress (%)", width: 12, kind: "number" },
          { header: "Last accepted", width: 14 },
          { header: "Due", width: 12 },
          { header: "Overdue", width: 9 },
          { header: "Note", width: 60 },
        ],
        rows: report.states.map((state) => [state.name, state.status.label, state.progress, day(state.acceptedAt), day(state.dueDate), state.overdue ? "Overdue" : "", state.note]),
      },
      {
        name: "By ODIHR level",
        columns: [{ header: "Level", width: 30 }, { header: "States", width: 10, kind: "number" }],
        rows: [...ODIHR_LEVELS, "NOT_RATED" as const].map((level) => [ODIHR_LABELS[level], report.figures.byOdihr[level]]),
      },
    ],
    notes: [...NOTES, FIGURE_DEFINITIONS.overdue],
  };
}

/**
 * A State's report card. Only the secretariat's explicit "with internal content" download carries
 * internal assessments; each is then marked in an "Internal" column, and a line under the title
 * says so, so that a forwarded file still shows what is not for publication.
 */
export async function stateDocument(actor: Actor, input: z.input<typeof ZStateReportInput>): Promise<ExportDocument> {
  const report = await getStateReport(actor, input);
  const internal = report.commitments.some((commitment) => commitment.assessment !== null && !commitment.assessment.isPublic);
  return {
    title: `Report card: ${report.state.name}`,
    filters: [
      ...(internal ? [INTERNAL_NOTICE] : []),
      ...(await describeFilters(report.filters)),
      `Score (mean progress): ${mean(report.figures) ?? "—"}%`,
    ],
    generatedAt: new Date(),
    charts: [
      {
        title: "Commitments by ODIHR level",
        bars: [{ label: report.state.name, segments: [...ODIHR_LEVELS, "NOT_RATED" as const].map((level) => ({ label: `${ODIHR_LABELS[level]}: ${report.figures.byOdihr[level]}`, value: report.figures.byOdihr[level] })) }],
      },
    ],
    tables: [
      {
        name: "Commitments",
        columns: [
          { header: "Reference", width: 12 },
          { header: "Recommendation", width: 60 },
          { header: "Status", width: 22 },
          { header: "Progress (%)", width: 12, kind: "number" },
          { header: "Last update", width: 14 },
          { header: "Assessment", width: 22 },
          ...(internal ? [{ header: INTERNAL_LABEL, width: 10 }] : []),
          { header: "Disagreement", width: 12 },
        ],
        rows: report.commitments.map((commitment) => [
          commitment.reference,
          commitment.text,
          commitment.status.label,
          commitment.progress,
          day(commitment.lastUpdateAt),
          commitment.assessment?.label ?? null,
          ...(internal ? [commitment.assessment && !commitment.assessment.isPublic ? INTERNAL_LABEL : ""] : []),
          commitment.disagreement ? "Yes" : "",
        ]),
      },
    ],
    notes: [...NOTES, FIGURE_DEFINITIONS.disagreement],
  };
}

export async function trendDocument(actor: Actor, input: z.input<typeof ZTrendInput>): Promise<ExportDocument> {
  const trend = await getTrend(actor, input);
  return {
    title: "Trend of accepted statuses",
    filters: [...(await describeFilters(trend.filters)), `Periods: ${trend.filters.periods} ${trend.filters.granularity === "quarter" ? "quarters" : "months"}`],
    generatedAt: new Date(),
    charts: [
      {
        title: "Commitments by status at the end of each period",
        bars: trend.points.map((point) => ({ label: point.label, segments: trend.statuses.map((status) => ({ label: status.label, value: point.byStatus[status.key] ?? 0 })) })),
      },
    ],
    tables: [
      {
        name: "Trend",
        columns: [
          { header: "Period", width: 12 },
          ...trend.statuses.map((status) => ({ header: status.label, width: 14, kind: "number" as const })),
          { header: "Share implemented (%)", width: 14, kind: "percent" as const },
          { header: "Mean progress (%)", width: 14, kind: "percent" as const },
        ],
        rows: trend.points.map((point) => [point.label, ...trend.statuses.map((status) => point.byStatus[status.key] ?? 0), share(point.figures), mean(point.figures)]),
      },
    ],
    notes: NOTES,
  };
}

export async function overdueDocument(actor: Actor, input: z.input<typeof ZReportFilters>): Promise<ExportDocument> {
  const report = await getOverdue(actor, input);
  return {
    title: "Overdue commitments",
    filters: await describeFilters(report.filters),
    generatedAt: new Date(),
    charts: [],
    tables: [
      {
        name: "Overdue",
        columns: [
          { header: "State", width: 28 },
          { header: "Reference", width: 12 },
          { header: "Recommendation", width: 60 },
          { header: "Due", width: 12 },
          { header: "Status", width: 22 },
          { header: "Progress (%)", width: 12, kind: "number" },
        ],
        rows: report.states.flatMap((state) =>
          state.commitments.map((commitment) => [state.name, commitment.reference, commitment.text, day(commitment.dueDate), commitment.status.label, commitment.progress]),
        ),
      },
    ],
    notes: [FIGURE_DEFINITIONS.overdue],
  };
}
