// The compliance reports twice: through the app (tRPC over HTTP, as a browser calls them) and as
// one hand-written SQL query through `pg` that computes the same figures, the physical limit.
import type pg from "pg";
import type { Figures } from "@/server/shared/figures";
import type { getMatrix } from "@/server/services/reports/matrix";
import type { getOverdue } from "@/server/services/reports/overdue";
import type { getRecommendationReport } from "@/server/services/reports/recommendation-report";
import type { getStateReport } from "@/server/services/reports/state-report";
import type { getTrend } from "@/server/services/reports/trend";
import type { AppClient } from "@/bench/lib/http";
import { close } from "@/bench/lib/stats";
import { OVERDUE_PER_STATE } from "@/server/schemas/reports";

type MatrixResult = Awaited<ReturnType<typeof getMatrix>>;
type RecommendationResult = Awaited<ReturnType<typeof getRecommendationReport>>;
type StateResult = Awaited<ReturnType<typeof getStateReport>>;
type TrendResult = Awaited<ReturnType<typeof getTrend>>;
type OverdueResult = Awaited<ReturnType<typeof getOverdue>>;

export type ReportParams = {
  sourceId: string;
  sourceRecommendations: number;
  recommendationId: string;
  stateId: string;
  stateName: string;
  /** Today (UTC), YYYY-MM-DD. */
  today: string;
  /** A day in the first year of the data, when many commitments were overdue. */
  overdueAsOf: string;
};

export type ReportCase = {
  key: string;
  label: string;
  app: () => Promise<unknown>;
  sql: () => Promise<unknown>;
  /** Mismatches between the two answers (empty when they agree). */
  compare: (app: unknown, sql: unknown) => string[];
};

type FigureRow = {
  commitments: number;
  counted: number;
  implemented: number;
  mean_progress: number | null;
  fully: number;
  mostly: number;
  partially: number;
  not_implemented: number;
  not_rated: number;
};

/** The figures as aggregates over rows exposing counts, odihr and progress (as FIGURE_SQL does). */
const FIGURES = `
  count(*)::int AS commitments,
  count(*) FILTER (WHERE counts)::int AS counted,
  count(*) FILTER (WHERE counts AND odihr = 'FULLY')::int AS implemented,
  (avg(progress) FILTER (WHERE counts))::float8 AS mean_progress,
  count(*) FILTER (WHERE odihr = 'FULLY')::int AS fully,
  count(*) FILTER (WHERE odihr = 'MOSTLY')::int AS mostly,
  count(*) FILTER (WHERE odihr = 'PARTIALLY')::int AS partially,
  count(*) FILTER (WHERE odihr = 'NOT_IMPLEMENTED')::int AS not_implemented,
  count(*) FILTER (WHERE odihr IS NULL)::int AS not_rated`;

/** The same figures as window aggregates over the whole result. */
const WINDOW_FIGURES = `
  count(*) OVER ()::int AS commitments,
  (count(*) FILTER (WHERE st."countsTowardsAverage") OVER ())::int AS counted,
  (count(*) FILTER (WHERE st."countsTowardsAverage" AND st."odihrLevel" = 'FULLY') OVER ())::int AS implemented,
  (avg(c."acceptedProgress") FILTER (WHERE st."countsTowardsAverage") OVER ())::float8 AS mean_progress,
  (count(*) FILTER (WHERE st."odihrLevel" = 'FULLY') OVER ())::int AS fully,
  (count(*) FILTER (WHERE st."odihrLevel" = 'MOSTLY') OVER ())::int AS mostly,
  (count(*) FILTER (WHERE st."odihrLevel" = 'PARTIALLY') OVER ())::int AS partially,
  (count(*) FILTER (WHERE st."odihrLevel" = 'NOT_IMPLEMENTED') OVER ())::int AS not_implemented,
  (count(*) FILTER (WHERE st."odihrLevel" IS NULL) OVER ())::int AS not_rated`;

function compareFigures(where: string, app: Figures, sql: FigureRow | undefined): string[] {
  if (!sql) return [`${where}: missing in SQL`];
  const pairs: [string, number | null, number | null][] = [
    ["commitments", app.commitments, sql.commitments],
    ["counted", app.counted, sql.counted],
    ["implemented", app.implemented, sql.implemented],
    ["meanProgress", app.meanProgress, sql.mean_progress],
    ["FULLY", app.byOdihr.FULLY, sql.fully],
    ["MOSTLY", app.byOdihr.MOSTLY, sql.mostly],
    ["PARTIALLY", app.byOdihr.PARTIALLY, sql.partially],
    ["NOT_IMPLEMENTED", app.byOdihr.NOT_IMPLEMENTED, sql.not_implemented],
    ["NOT_RATED", app.byOdihr.NOT_RATED, sql.not_rated],
  ];
  return pairs.filter(([, a, b]) => !close(a, b, 1e-9)).map(([name, a, b]) => `${where} ${name}: app ${a} vs SQL ${b}`);
}

const sameTime = (a: Date | null | undefined, b: Date | string | null | undefined) => (a?.getTime() ?? null) === (b === null || b === undefined ? null : new Date(b).getTime());

/** Keeps a list of mismatches short enough to print. */
function firstFew(mismatches: string[]): string[] {
  return mismatches.length > 5 ? [...mismatches.slice(0, 5), `… and ${mismatches.length - 5} more`] : mismatches;
}

// ----- the matrix -----------------------------------------------------------------------------

type MatrixSqlRow = FigureRow & { kind: "cell" | "state" | "rec" | "total"; state_id: string | null; rec_id: string | null; status_id: string | null; progress: number | null };

function matrixSql(pool: pg.Pool, sourceId: string | null) {
  const bySource = sourceId ? `AND r."sourceId" = $1::uuid` : "";
  return async () =>
    (
      await pool.query<MatrixSqlRow>(
        `WITH scored AS MATERIALIZED (
           SELECT c."stateId" AS state_id, c."recommendationId" AS rec_id, c."acceptedStatusId" AS status_id, c."acceptedProgress" AS progress,
                  st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
           FROM "Commitment" c
           JOIN "Recommendation" r ON r.id = c."recommendationId"
           JOIN "State" s ON s.id = c."stateId"
           JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
           WHERE r.publication = 'PUBLISHED' AND s.kind = 'PARTICIPATING' ${bySource}
         )
         SELECT 'cell' AS kind, state_id, rec_id, status_id, progress,
                NULL::int AS commitments, NULL::int AS counted, NULL::int AS implemented, NULL::float8 AS mean_progress,
                NULL::int AS fully, NULL::int AS mostly, NULL::int AS partially, NULL::int AS not_implemented, NULL::int AS not_rated,
                NULL AS name, NULL AS reference
         FROM scored
         UNION ALL
         SELECT CASE WHEN g.gs = 1 THEN 'state' WHEN g.gs = 2 THEN 'rec' ELSE 'total' END, g.state_id, g.rec_id, NULL, NULL,
                g.commitments, g.counted, g.implemented, g.mean_progress, g.fully, g.mostly, g.partially, g.not_implemented, g.not_rated,
                s.name, r.reference
         FROM (
           SELECT GROUPING(state_id, rec_id) AS gs, state_id, rec_id, ${FIGURES}
           FROM scored GROUP BY GROUPING SETS ((state_id), (rec_id), ())
         ) g
         LEFT JOIN "State" s ON s.id = g.state_id
         LEFT JOIN "Recommendation" r ON r.id = g.rec_id`,
        sourceId ? [sourceId] : [],
      )
    ).rows;
}

function compareMatrix(rawApp: unknown, rawSql: unknown): string[] {
  const app = rawApp as MatrixResult;
  const rows = rawSql as MatrixSqlRow[];
  const mismatches: string[] = [];
  const byState = new Map(rows.filter((row) => row.kind === "state").map((row) => [row.state_id!, row]));
  const byRec = new Map(rows.filter((row) => row.kind === "rec").map((row) => [row.rec_id!, row]));
  const cells = new Map(rows.filter((row) => row.kind === "cell").map((row) => [`${row.state_id}|${row.rec_id}`, row]));
  if (app.states.length !== byState.size) mismatches.push(`States: app ${app.states.length} vs SQL ${byState.size}`);
  if (app.recommendations.length !== byRec.size) mismatches.push(`recommendations: app ${app.recommendations.length} vs SQL ${byRec.size}`);
  for (const state of app.states) mismatches.push(...compareFigures(`State ${state.iso2}`, state.figures, byState.get(state.id)));
  for (const recommendation of app.recommendations) mismatches.push(...compareFigures(`recommendation ${recommendation.reference}`, recommendation.figures, byRec.get(recommendation.id)));
  mismatches.push(...compareFigures("totals", app.totals, rows.find((row) => row.kind === "total")));
  let filled = 0;
  app.grid.forEach((line, row) =>
    line.status.forEach((statusIndex, column) => {
      if (statusIndex < 0) return;
      filled++;
      const sql = cells.get(`${app.states[row]!.id}|${app.recommendations[column]!.id}`);
      const progress = line.progress[column];
      if (!sql || sql.progress !== progress || sql.status_id !== app.statuses[statusIndex]!.id) {
        mismatches.push(`cell ${app.states[row]!.iso2} x ${app.recommendations[column]!.reference} differs`);
      }
    }),
  );
  if (filled !== cells.size) mismatches.push(`cells: app ${filled} vs SQL ${cells.size}`);
  return firstFew(mismatches);
}

// ----- one recommendation across States --------------------------------------------------------

type RecommendationSqlRow = FigureRow & { state_id: string; name: string; status_key: string; progress: number; accepted_at: Date | null; narrative: string | null; status_count: number };

function recommendationSql(pool: pg.Pool, recommendationId: string) {
  return async () =>
    (
      await pool.query<RecommendationSqlRow>(
        `SELECT s.id AS state_id, s.name, s.iso2, st.key AS status_key, c."acceptedProgress" AS progress, c."acceptedAt" AS accepted_at,
                c."dueDate" AS due_date, u.narrative, u.id AS update_id,
                (count(*) OVER (PARTITION BY c."acceptedStatusId"))::int AS status_count, ${WINDOW_FIGURES}
         FROM "Commitment" c
         JOIN "Recommendation" r ON r.id = c."recommendationId"
         JOIN "State" s ON s.id = c."stateId"
         JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
         LEFT JOIN LATERAL (
           SELECT pu.id, pu.narrative FROM "ProgressUpdate" pu
           WHERE pu."commitmentId" = c.id AND pu."reviewState" = 'ACCEPTED' AND pu."reviewedAt" <= now()
           ORDER BY pu."reviewedAt" DESC LIMIT 1
         ) u ON true
         WHERE c."recommendationId" = $1::uuid AND r.publication = 'PUBLISHED' AND s.kind = 'PARTICIPATING'
         ORDER BY s.name`,
        [recommendationId],
      )
    ).rows;
}

function compareRecommendation(rawApp: unknown, rawSql: unknown): string[] {
  const app = rawApp as RecommendationResult;
  const rows = rawSql as RecommendationSqlRow[];
  const mismatches = compareFigures("figures", app.figures, rows[0]);
  if (app.states.length !== rows.length) mismatches.push(`States: app ${app.states.length} vs SQL ${rows.length}`);
  // Matched by State: the app orders States by their names in the reader's language (Intl.Collator),
  // which need not be the database's collation order ("Türkiye" and "Turkmenistan").
  const byState = new Map(rows.map((row) => [row.state_id, row]));
  app.states.forEach((state) => {
    const row = byState.get(state.stateId);
    if (!row || row.progress !== state.progress || row.status_key !== state.status.key || !sameTime(row.accepted_at, state.acceptedAt) || row.narrative !== state.note) {
      mismatches.push(`State ${state.iso2} differs`);
    }
  });
  for (const entry of app.distribution) {
    const sql = rows.find((row) => row.status_key === entry.key)?.status_count ?? 0;
    if (sql !== entry.count) mismatches.push(`distribution ${entry.key}: app ${entry.count} vs SQL ${sql}`);
  }
  return firstFew(mismatches);
}

// ----- one State's report card -----------------------------------------------------------------

type StateSqlRow = FigureRow & { commitment_id: string; status_key: string; progress: number; last_update_at: Date | null };

function stateSql(pool: pg.Pool, stateId: string) {
  return async () =>
    (
      await pool.query<StateSqlRow>(
        `SELECT c.id AS commitment_id, r.id AS rec_id, r.reference, left(r.text, 300) AS text, so.title AS source_title,
                st.key AS status_key, c."acceptedProgress" AS progress, c."acceptedAt" AS accepted_at, c."dueDate" AS due_date,
                (SELECT max(pu."reviewedAt") FROM "ProgressUpdate" pu
                 WHERE pu."commitmentId" = c.id AND pu."reviewState" = 'ACCEPTED' AND pu."reviewedAt" <= now()) AS last_update_at,
                a."statusId" AS assessment_status_id, a.rationale AS assessment_rationale, ${WINDOW_FIGURES}
         FROM "Commitment" c
         JOIN "Recommendation" r ON r.id = c."recommendationId"
         JOIN "Source" so ON so.id = r."sourceId"
         JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
         LEFT JOIN LATERAL (
           SELECT x."statusId", x.rationale FROM "Assessment" x
           WHERE x."commitmentId" = c.id AND x."createdAt" <= now() AND x."isPublic"
           ORDER BY x."createdAt" DESC LIMIT 1
         ) a ON true
         WHERE c."stateId" = $1::uuid AND r.publication = 'PUBLISHED'
         ORDER BY r.reference, r.id`,
        [stateId],
      )
    ).rows;
}

function compareState(rawApp: unknown, rawSql: unknown): string[] {
  const app = rawApp as StateResult;
  const rows = rawSql as StateSqlRow[];
  const mismatches = compareFigures("figures", app.figures, rows[0]);
  if (app.commitments.length !== rows.length) mismatches.push(`commitments: app ${app.commitments.length} vs SQL ${rows.length}`);
  app.commitments.forEach((commitment, index) => {
    const row = rows[index];
    if (!row || row.commitment_id !== commitment.commitmentId || row.progress !== commitment.progress || row.status_key !== commitment.status.key || !sameTime(row.last_update_at, commitment.lastUpdateAt)) {
      mismatches.push(`commitment ${commitment.reference} differs`);
    }
  });
  return firstFew(mismatches);
}

// ----- the trend -------------------------------------------------------------------------------

type TrendSqlRow = FigureRow & { q: number; status_key: string | null };

/** Quarter number of a timestamp in UTC (year * 4 + quarter index). */
const quarterOf = (expression: string) =>
  `(extract(year FROM (${expression}) AT TIME ZONE 'UTC')::int * 4 + (extract(month FROM (${expression}) AT TIME ZONE 'UTC')::int - 1) / 3)`;

export function quarterNumber(date: string): number {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return year * 4 + Math.floor((month - 1) / 3);
}

/**
 * The distribution at each quarter end, without joining every status change to every period:
 * a change counts from the quarter it happened in until the quarter its successor happened in,
 * so it adds +1 at the first and -1 at the second, and a running sum gives each quarter's state.
 */
function trendSql(pool: pg.Pool, lastQuarter: number, periods: number) {
  return async () =>
    (
      await pool.query<TrendSqlRow>(
        `WITH h AS (
           SELECT x."statusId" AS status_id, x.progress, ${quarterOf('x."effectiveAt"')} AS q_from,
                  ${quarterOf('lead(x."effectiveAt") OVER (PARTITION BY x."commitmentId" ORDER BY x."effectiveAt")')} AS q_to
           FROM "CommitmentStatusChange" x
           JOIN "Commitment" c ON c.id = x."commitmentId"
           JOIN "Recommendation" r ON r.id = c."recommendationId"
           JOIN "State" s ON s.id = c."stateId"
           WHERE r.publication = 'PUBLISHED' AND s.kind = 'PARTICIPATING'
         ), delta AS (
           SELECT q, status_id, sum(n) AS n, sum(p) AS p FROM (
             SELECT q_from AS q, status_id, 1 AS n, progress AS p FROM h WHERE q_from <= $2::int AND (q_to IS NULL OR q_to > q_from)
             UNION ALL
             SELECT q_to, status_id, -1, -progress FROM h WHERE q_to <= $2::int AND q_to > q_from
           ) d GROUP BY q, status_id
         ), at_end AS (
           SELECT e.q, delta.status_id, sum(delta.n) AS n, sum(delta.p) AS p
           FROM generate_series($1::int, $2::int) e(q) JOIN delta ON delta.q <= e.q
           GROUP BY e.q, delta.status_id
         )
         SELECT a.q, CASE WHEN GROUPING(st.key) = 0 THEN st.key END AS status_key,
                sum(a.n)::int AS commitments,
                coalesce(sum(a.n) FILTER (WHERE st."countsTowardsAverage"), 0)::int AS counted,
                coalesce(sum(a.n) FILTER (WHERE st."countsTowardsAverage" AND st."odihrLevel" = 'FULLY'), 0)::int AS implemented,
                (sum(a.p) FILTER (WHERE st."countsTowardsAverage") / nullif(sum(a.n) FILTER (WHERE st."countsTowardsAverage"), 0))::float8 AS mean_progress,
                coalesce(sum(a.n) FILTER (WHERE st."odihrLevel" = 'FULLY'), 0)::int AS fully,
                coalesce(sum(a.n) FILTER (WHERE st."odihrLevel" = 'MOSTLY'), 0)::int AS mostly,
                coalesce(sum(a.n) FILTER (WHERE st."odihrLevel" = 'PARTIALLY'), 0)::int AS partially,
                coalesce(sum(a.n) FILTER (WHERE st."odihrLevel" = 'NOT_IMPLEMENTED'), 0)::int AS not_implemented,
                coalesce(sum(a.n) FILTER (WHERE st."odihrLevel" IS NULL), 0)::int AS not_rated
         FROM at_end a JOIN "ScaleStatus" st ON st.id = a.status_id
         WHERE a.n <> 0
         GROUP BY GROUPING SETS ((a.q, st.key), (a.q))
         ORDER BY a.q`,
        [lastQuarter - periods + 1, lastQuarter],
      )
    ).rows;
}

function compareTrend(lastQuarter: number) {
  return (rawApp: unknown, rawSql: unknown): string[] => {
    const app = rawApp as TrendResult;
    const rows = rawSql as TrendSqlRow[];
    const mismatches: string[] = [];
    const first = lastQuarter - app.points.length + 1;
    app.points.forEach((point, index) => {
      const q = first + index;
      const atEnd = rows.filter((row) => row.q === q);
      const total = atEnd.find((row) => row.status_key === null);
      if (!total) {
        if (point.figures.commitments !== 0) mismatches.push(`${point.label}: app ${point.figures.commitments} commitments, SQL none`);
        return;
      }
      mismatches.push(...compareFigures(point.label, point.figures, total));
      for (const row of atEnd) {
        if (row.status_key !== null && point.byStatus[row.status_key] !== row.commitments) {
          mismatches.push(`${point.label} ${row.status_key}: app ${point.byStatus[row.status_key]} vs SQL ${row.commitments}`);
        }
      }
    });
    return firstFew(mismatches);
  };
}

// ----- overdue ---------------------------------------------------------------------------------

type OverdueSqlRow = { state_id: string; commitment_id: string; progress: number; status_key: string; state_total: number };

function overdueSql(pool: pg.Pool, day: string, asOf: boolean) {
  // As of a past day, the status then is the latest change up to the end of that day; an
  // accepted update up to then means it was not overdue. Only commitments due before that day
  // need the probe.
  const statusThen = asOf
    ? `JOIN LATERAL (
         SELECT x."statusId" AS status_id, x.progress, x."updateId" AS update_id FROM "CommitmentStatusChange" x
         WHERE x."commitmentId" = c.id AND x."effectiveAt" <= $2::timestamptz
         ORDER BY x."effectiveAt" DESC LIMIT 1
       ) h ON h.update_id IS NULL`
    : `CROSS JOIN LATERAL (SELECT c."acceptedStatusId" AS status_id, c."acceptedProgress" AS progress) h`;
  // As the overdue page asks: each State's count, and its first OVERDUE_PER_STATE by due date.
  return async () =>
    (
      await pool.query<OverdueSqlRow>(
        `SELECT * FROM (
           SELECT s.id AS state_id, s.name, s.iso2, c.id AS commitment_id, r.reference, left(r.text, 200) AS text, c."dueDate" AS due_date,
                  st.key AS status_key, h.progress,
                  row_number() OVER (PARTITION BY s.id ORDER BY c."dueDate", r.reference, c.id) AS position,
                  (count(*) OVER (PARTITION BY s.id))::int AS state_total
           FROM "Commitment" c
           JOIN "Recommendation" r ON r.id = c."recommendationId"
           JOIN "State" s ON s.id = c."stateId"
           ${statusThen}
           JOIN "ScaleStatus" st ON st.id = h.status_id
           WHERE r.publication = 'PUBLISHED' AND s.kind = 'PARTICIPATING' AND c."dueDate" < $1::date ${asOf ? "" : `AND c."acceptedAt" IS NULL`}
         ) overdue
         WHERE position <= ${OVERDUE_PER_STATE}
         ORDER BY name, position`,
        asOf ? [day, `${day}T23:59:59.999Z`] : [day],
      )
    ).rows;
}

function compareOverdue(rawApp: unknown, rawSql: unknown): string[] {
  const app = rawApp as OverdueResult;
  const rows = rawSql as OverdueSqlRow[];
  const mismatches: string[] = [];
  const totals = new Map(rows.map((row) => [row.state_id, row.state_total]));
  const sqlTotal = [...totals.values()].reduce((sum, total) => sum + total, 0);
  if (app.total !== sqlTotal) mismatches.push(`total: app ${app.total} vs SQL ${sqlTotal}`);
  if (app.states.length !== totals.size) mismatches.push(`States: app ${app.states.length} vs SQL ${totals.size}`);
  const listed = app.states.reduce((sum, state) => sum + state.commitments.length, 0);
  if (listed !== rows.length) mismatches.push(`listed: app ${listed} vs SQL ${rows.length}`);
  // The same commitments, in the same order within each State (due date, reference, id).
  const sqlByState = new Map<string, OverdueSqlRow[]>();
  for (const row of rows) sqlByState.set(row.state_id, [...(sqlByState.get(row.state_id) ?? []), row]);
  for (const state of app.states) {
    if (state.total !== totals.get(state.stateId)) mismatches.push(`${state.iso2} total: app ${state.total} vs SQL ${totals.get(state.stateId)}`);
    const sql = sqlByState.get(state.stateId) ?? [];
    state.commitments.forEach((commitment, index) => {
      const row = sql[index];
      if (!row || row.commitment_id !== commitment.commitmentId || row.progress !== commitment.progress || row.status_key !== commitment.status.key) {
        mismatches.push(`commitment ${commitment.reference} of ${state.iso2} differs`);
      }
    });
  }
  return firstFew(mismatches);
}

// ----- the cases -------------------------------------------------------------------------------

export function reportCases(app: AppClient, pool: pg.Pool, params: ReportParams): ReportCase[] {
  const lastQuarter = quarterNumber(params.today);
  return [
    {
      // Not a report: the cost of any request through the app (proxy, session, tRPC, Prisma) for
      // a trivial query, against the same query through pg.
      key: "floor",
      label: "floor: recommendations.themes",
      app: () => app.query("recommendations.themes", undefined),
      sql: async () => (await pool.query<{ key: string }>(`SELECT id, key, label FROM "Theme" ORDER BY "sortOrder", label LIMIT 500`)).rows,
      compare: (rawApp, rawSql) => {
        const appKeys = (rawApp as { key: string }[]).map((theme) => theme.key).join(",");
        const sqlKeys = (rawSql as { key: string }[]).map((theme) => theme.key).join(",");
        return appKeys === sqlKeys ? [] : [`themes: app ${appKeys} vs SQL ${sqlKeys}`];
      },
    },
    {
      key: "matrix.source",
      label: `matrix, 1 source (${params.sourceRecommendations} rec.)`,
      app: () => app.query("reports.matrix", { sourceId: params.sourceId }),
      sql: matrixSql(pool, params.sourceId),
      compare: compareMatrix,
    },
    {
      key: "matrix.all",
      label: "matrix, all sources",
      app: () => app.query("reports.matrix", {}),
      sql: matrixSql(pool, null),
      compare: compareMatrix,
    },
    {
      key: "recommendation",
      label: "recommendation report",
      app: () => app.query("reports.recommendation", { recommendationId: params.recommendationId }),
      sql: recommendationSql(pool, params.recommendationId),
      compare: compareRecommendation,
    },
    {
      key: "state",
      label: `State report card (${params.stateName})`,
      app: () => app.query("reports.state", { stateId: params.stateId }),
      sql: stateSql(pool, params.stateId),
      compare: compareState,
    },
    {
      key: "trend",
      label: "trend, 20 quarters",
      app: () => app.query("reports.trend", { asOf: params.today, granularity: "quarter", periods: 20 }),
      sql: trendSql(pool, lastQuarter, 20),
      compare: compareTrend(lastQuarter),
    },
    {
      key: "overdue",
      label: "overdue list (today)",
      app: () => app.query("reports.overdue", { perState: OVERDUE_PER_STATE }),
      sql: overdueSql(pool, params.today, false),
      compare: compareOverdue,
    },
    {
      key: "overdue.asOf",
      label: `overdue list (as of ${params.overdueAsOf})`,
      app: () => app.query("reports.overdue", { asOf: params.overdueAsOf, perState: OVERDUE_PER_STATE }),
      sql: overdueSql(pool, params.overdueAsOf, true),
      compare: compareOverdue,
    },
  ];
}
