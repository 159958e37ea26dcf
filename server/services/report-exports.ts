import "server-only";
import type { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { referenceLabelsFor, translatorFor } from "@/server/i18n/catalogs";
import { formatPercent, ODIHR_LEVELS, type FigureKey, type Figures } from "@/server/shared/figures";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
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

const ODIHR_ROWS = [...ODIHR_LEVELS, "NOT_RATED" as const];
const NOTES: FigureKey[] = ["counted", "shareImplemented", "meanProgress", "asOf"];

/**
 * The words of one export in the reader's language: the export's own texts, the figure
 * definitions of the report pages, the names of statuses, themes, ODIHR levels and States, and
 * dates (English keeps ISO 8601 days, as its files always had).
 */
export async function exportLanguage(locale: Locale) {
  const [t, figures, labels] = await Promise.all([translatorFor(locale, "exports"), translatorFor(locale, "reports"), referenceLabelsFor(locale)]);
  const dayFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const timeFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  const english = locale === DEFAULT_LOCALE;
  /** The day of an ISO date or time (every report gives its dates as ISO strings). */
  const day = (date: string | null) => (date === null ? null : english ? date.slice(0, 10) : dayFormat.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)));
  return {
    t,
    labels,
    day,
    notes: (keys: FigureKey[]) => keys.map((key) => figures(`definitions.${key}`)),
    /** What every document carries besides its report: the generation time and the renderers' own words. */
    frame(generatedAt: Date): Pick<ExportDocument, "generatedAt" | "locale" | "words"> {
      const iso = generatedAt.toISOString();
      const local = english ? null : timeFormat.format(generatedAt);
      return {
        generatedAt,
        locale,
        words: {
          generated: t("generated", { at: local ? `${local} UTC` : iso }),
          generatedPdf: t("generatedPdf", { at: local ?? iso.replace("T", " ").slice(0, 16) }),
          figuresTitle: t("figuresTitle"),
          columnGroup: t("columnGroup", { table: "{table}", first: "{first}", last: "{last}" }),
        },
      };
    },
  };
}
type ExportLanguage = Awaited<ReturnType<typeof exportLanguage>>;

async function describeFilters({ t, labels, day }: ExportLanguage, filters: z.output<typeof ZReportFilters>): Promise<string[]> {
  const source = filters.sourceId ? await db.source.findUnique({ where: { id: filters.sourceId }, select: { title: true } }) : null;
  const theme = filters.themeKey ? await db.theme.findUnique({ where: { key: filters.themeKey }, select: { key: true, label: true } }) : null;
  return [
    t("filters.source", { source: source?.title ?? t("filters.allSources") }),
    t("filters.theme", { theme: theme ? labels.theme(theme) : t("filters.allThemes") }),
    t("filters.states", { group: t(`filters.groups.${filters.stateGroup}`) }),
    t("filters.asOf", { date: filters.asOf ? day(filters.asOf)! : t("filters.today") }),
  ];
}

export async function matrixDocument(actor: Actor, input: z.input<typeof ZMatrixInput>, locale: Locale = DEFAULT_LOCALE): Promise<ExportDocument> {
  const [matrix, language] = await Promise.all([getMatrix(actor, input, locale), exportLanguage(locale)]);
  const { t, labels } = language;
  const statuses = matrix.statuses.map((status) => labels.status(status));
  // Each status and progress once: a matrix at OSCE scale has tens of thousands of cells.
  const cells = new Map<string, string>();
  const cell = (statusIndex: number, progress: number) => {
    const id = `${statusIndex}/${progress}`;
    let text = cells.get(id);
    if (text === undefined) cells.set(id, (text = `${statuses[statusIndex]!} (${formatPercent(progress, locale, 0)})`));
    return text;
  };
  const table: ExportTable = {
    name: t("tables.matrix"),
    columns: [
      { header: t("columns.state"), width: 28 },
      { header: t("columns.iso"), width: 6 },
      ...matrix.recommendations.map((recommendation) => ({ header: recommendation.reference, width: 24 })),
      { header: t("columns.shareImplemented"), width: 14, kind: "percent" as const },
      { header: t("columns.meanProgress"), width: 14, kind: "percent" as const },
    ],
    rows: [
      ...matrix.states.map((state, row) => [
        labels.state(state),
        state.iso2,
        ...matrix.grid[row]!.status.map((statusIndex, column) => (statusIndex < 0 ? null : cell(statusIndex, matrix.grid[row]!.progress[column]!))),
        share(state.figures),
        mean(state.figures),
      ]),
      [t("columns.shareImplemented"), null, ...matrix.recommendations.map((recommendation) => share(recommendation.figures)), share(matrix.totals), null],
      [t("columns.meanProgress"), null, ...matrix.recommendations.map((recommendation) => mean(recommendation.figures)), null, mean(matrix.totals)],
    ],
  };
  return {
    title: t("titles.matrix"),
    filters: await describeFilters(language, matrix.filters),
    ...language.frame(new Date()),
    tables: [table],
    charts: [],
    notes: language.notes(NOTES),
  };
}

export async function recommendationDocument(actor: Actor, input: z.input<typeof ZRecommendationReportInput>, locale: Locale = DEFAULT_LOCALE): Promise<ExportDocument> {
  const [report, language] = await Promise.all([getRecommendationReport(actor, input, locale), exportLanguage(locale)]);
  const { t, labels, day } = language;
  return {
    title: t("titles.recommendation", { reference: report.recommendation.reference }),
    filters: [...(await describeFilters(language, report.filters)), t("filters.recommendation", { text: report.recommendation.text })],
    ...language.frame(new Date()),
    charts: [
      {
        title: t("charts.statesByStatus"),
        bars: [
          {
            label: report.recommendation.reference,
            segments: report.distribution.map((entry) => ({ label: `${labels.status(entry)}: ${entry.count}`, value: entry.count })),
          },
        ],
      },
    ],
    tables: [
      {
        name: t("tables.states"),
        columns: [
          { header: t("columns.state"), width: 28 },
          { header: t("columns.status"), width: 22 },
          { header: t("columns.progress"), width: 12, kind: "number" },
          { header: t("columns.lastAccepted"), width: 14 },
          { header: t("columns.due"), width: 12 },
          { header: t("columns.overdue"), width: 9 },
          { header: t("columns.note"), width: 60 },
        ],
        rows: report.states.map((state) => [
          labels.state(state),
          labels.status(state.status),
          state.progress,
          day(state.acceptedAt),
          day(state.dueDate),
          state.overdue ? t("cells.overdue") : "",
          state.note,
        ]),
      },
      {
        name: t("tables.byOdihr"),
        columns: [
          { header: t("columns.level"), width: 30 },
          { header: t("columns.states"), width: 10, kind: "number" },
        ],
        rows: ODIHR_ROWS.map((level) => [labels.odihrLevel(level), report.figures.byOdihr[level]]),
      },
    ],
    notes: language.notes([...NOTES, "overdue"]),
  };
}

/**
 * A State's report card. Only the secretariat's explicit "with internal content" download carries
 * internal assessments; each is then marked in an "Internal" column, and a line under the title
 * says so, so that a forwarded file still shows what is not for publication.
 */
export async function stateDocument(actor: Actor, input: z.input<typeof ZStateReportInput>, locale: Locale = DEFAULT_LOCALE): Promise<ExportDocument> {
  const [report, language] = await Promise.all([getStateReport(actor, input, locale), exportLanguage(locale)]);
  const { t, labels, day } = language;
  const internal = report.commitments.some((commitment) => commitment.assessment !== null && !commitment.assessment.isPublic);
  const stateName = labels.state(report.state);
  const score = mean(report.figures);
  return {
    title: t("titles.state", { state: stateName }),
    filters: [
      ...(internal ? [t("internal.notice")] : []),
      ...(await describeFilters(language, report.filters)),
      score === null ? t("filters.noScore") : t("filters.score", { score: score / 100 }),
    ],
    ...language.frame(new Date()),
    charts: [
      {
        title: t("charts.commitmentsByOdihr"),
        bars: [
          {
            label: stateName,
            segments: ODIHR_ROWS.map((level) => ({
              label: `${labels.odihrLevel(level)}: ${report.figures.byOdihr[level]}`,
              value: report.figures.byOdihr[level],
            })),
          },
        ],
      },
    ],
    tables: [
      {
        name: t("tables.commitments"),
        columns: [
          { header: t("columns.reference"), width: 12 },
          { header: t("columns.recommendation"), width: 60 },
          { header: t("columns.status"), width: 22 },
          { header: t("columns.progress"), width: 12, kind: "number" },
          { header: t("columns.lastUpdate"), width: 14 },
          { header: t("columns.assessment"), width: 22 },
          ...(internal ? [{ header: t("internal.label"), width: 10 }] : []),
          { header: t("columns.disagreement"), width: 12 },
        ],
        rows: report.commitments.map((commitment) => [
          commitment.reference,
          commitment.text,
          labels.status(commitment.status),
          commitment.progress,
          day(commitment.lastUpdateAt),
          commitment.assessment ? labels.status(commitment.assessment) : null,
          ...(internal ? [commitment.assessment && !commitment.assessment.isPublic ? t("internal.label") : ""] : []),
          commitment.disagreement ? t("cells.yes") : "",
        ]),
      },
    ],
    notes: language.notes([...NOTES, "disagreement"]),
  };
}

export async function trendDocument(actor: Actor, input: z.input<typeof ZTrendInput>, locale: Locale = DEFAULT_LOCALE): Promise<ExportDocument> {
  const [trend, language] = await Promise.all([getTrend(actor, input), exportLanguage(locale)]);
  const { t, labels } = language;
  const statuses = trend.statuses.map((status) => ({ key: status.key, label: labels.status(status) }));
  return {
    title: t("titles.trend"),
    filters: [...(await describeFilters(language, trend.filters)), t("filters.periods", { granularity: trend.filters.granularity, count: trend.filters.periods })],
    ...language.frame(new Date()),
    charts: [
      {
        title: t("charts.statusesByPeriod"),
        bars: trend.points.map((point) => ({ label: point.label, segments: statuses.map((status) => ({ label: status.label, value: point.byStatus[status.key] ?? 0 })) })),
      },
    ],
    tables: [
      {
        name: t("tables.trend"),
        columns: [
          { header: t("columns.period"), width: 12 },
          ...statuses.map((status) => ({ header: status.label, width: 14, kind: "number" as const })),
          { header: t("columns.shareImplemented"), width: 14, kind: "percent" as const },
          { header: t("columns.meanProgress"), width: 14, kind: "percent" as const },
        ],
        rows: trend.points.map((point) => [point.label, ...statuses.map((status) => point.byStatus[status.key] ?? 0), share(point.figures), mean(point.figures)]),
      },
    ],
    notes: language.notes(NOTES),
  };
}

export async function overdueDocument(actor: Actor, input: z.input<typeof ZReportFilters>, locale: Locale = DEFAULT_LOCALE): Promise<ExportDocument> {
  const [report, language] = await Promise.all([getOverdue(actor, input, locale), exportLanguage(locale)]);
  const { t, labels, day } = language;
  return {
    title: t("titles.overdue"),
    filters: await describeFilters(language, report.filters),
    ...language.frame(new Date()),
    charts: [],
    tables: [
      {
        name: t("tables.overdue"),
        columns: [
          { header: t("columns.state"), width: 28 },
          { header: t("columns.reference"), width: 12 },
          { header: t("columns.recommendation"), width: 60 },
          { header: t("columns.due"), width: 12 },
          { header: t("columns.status"), width: 22 },
          { header: t("columns.progress"), width: 12, kind: "number" },
        ],
        rows: report.states.flatMap((state) =>
          state.commitments.map((commitment) => [
            labels.state(state),
            commitment.reference,
            commitment.text,
            day(commitment.dueDate),
            labels.status(commitment.status),
            commitment.progress,
          ]),
        ),
      },
    ],
    notes: language.notes(["overdue"]),
  };
}
