import { Prisma } from "@/prisma/generated/client";
import { db, readRows } from "@/server/db/client";
import { endOfDayUtc, sqlIsoDay, sqlIsoTime, startOfDayUtc, startOfTodayUtc, todayIsoUtc } from "@/server/services/core/dates";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { DomainError } from "@/server/services/errors";
import { FIGURE_SQL, FigureAccumulator, figuresFromRow, type FigureRow, type Figures, type OdihrLevel } from "@/server/services/compliance-figures";
import { ZMatrixInput, ZOverdueInput, ZRecommendationReportInput, ZReportFilters, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";
import type { z } from "zod";

// Compliance reports, aggregated in PostgreSQL. Reports only ever read published
// recommendations and accepted statuses, so they are the same for every reader except that the
// secretariat also sees its internal assessments; no report names a person.

type Filters = z.output<typeof ZReportFilters>;

// Dates in report rows travel as ISO strings made by PostgreSQL (sqlIsoDay, sqlIsoTime): long lists
// of Date objects cost more to parse and to serialise (superjson records every one) than the query.
/** `isOverdue` of commitments.ts for ISO strings: due before `today` (YYYY-MM-DD) and never accepted. */
const isOverdueOn = (dueDate: string | null, acceptedAt: string | null, today: string) => dueDate !== null && dueDate < today && acceptedAt === null;

function whereFilters(filters: Filters) {
  const parts: Prisma.Sql[] = [Prisma.sql`r.status = 'PUBLISHED'`];
  if (filters.sourceId) parts.push(Prisma.sql`r."sourceId" = ${filters.sourceId}::uuid`);
  if (filters.themeKey) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "_RecommendationToTheme" rt JOIN "Theme" t ON t.id = rt."B" WHERE rt."A" = r.id AND t.key = ${filters.themeKey})`);
  }
  if (filters.stateGroup === "participating") parts.push(Prisma.sql`s.kind = 'PARTICIPATING'`);
  if (filters.stateGroup === "partners") parts.push(Prisma.sql`s.kind = 'PARTNER'`);
  return Prisma.join(parts, " AND ");
}

/**
 * The commitments in the report with their accepted status (joined with its scale status, so
 * every row carries the key, label and how it counts): today's, or as of the end of the `asOf`
 * day read from the status history (one index probe per commitment).
 */
function cellsCte(filters: Filters, extraWhere: Prisma.Sql = Prisma.empty) {
  const where = whereFilters(filters);
  const cell = filters.asOf
    ? Prisma.sql`
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, h."statusId" AS status_id,
             h.progress, CASE WHEN h."updateId" IS NULL THEN NULL ELSE h."effectiveAt" END AS accepted_at,
             c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      JOIN LATERAL (
        SELECT x."statusId", x.progress, x."effectiveAt", x."updateId"
        FROM "CommitmentStatusChange" x
        WHERE x."commitmentId" = c.id AND x."effectiveAt" <= ${endOfDayUtc(filters.asOf)}
        ORDER BY x."effectiveAt" DESC
        LIMIT 1
      ) h ON true
      WHERE ${where} ${extraWhere}`
    : Prisma.sql`
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, c."acceptedStatusId" AS status_id,
             c."acceptedProgress" AS progress, c."acceptedAt" AS accepted_at,
             c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      WHERE ${where} ${extraWhere}`;
  return Prisma.sql`cell AS (${cell}), scored AS (
      SELECT cell.*, st.key AS status_key, st.label AS status_label,
             st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM cell JOIN "ScaleStatus" st ON st.id = cell.status_id
    )`;
}

type StatusRow = { id: string; key: string; label: string; position: number; odihrLevel: OdihrLevel | null; countsTowardsAverage: boolean };

/** Every status of every scale, in scale and position order (a small table). */
function allStatuses() {
  return readRows<StatusRow>(Prisma.sql`
    SELECT id, key, label, position, "odihrLevel"::text AS "odihrLevel", "countsTowardsAverage"
    FROM "ScaleStatus" ORDER BY "scaleId", position`);
}

export type MatrixReport = Awaited<ReturnType<typeof getMatrix>>;

/** One State's row of the matrix: per recommendation column, the status index (-1: not addressed) and progress. */
export type MatrixRow = { status: number[]; progress: number[] };

/**
 * The State x recommendation matrix: each cell the accepted status and progress; row, column and
 * total figures. One query reads the cells; the figures are computed from them in one pass with
 * the reference implementation, and `grid` holds the cells of the requested columns as flat
 * number arrays (114,000 cells serialise in milliseconds, unlike one small array per cell).
 */
export async function getMatrix(_actor: Actor, rawInput: z.input<typeof ZMatrixInput>) {
  const input = ZMatrixInput.parse(rawInput);
  type Cell = { state_id: string; rec_id: string; status_id: string; progress: number; counts: boolean; odihr: OdihrLevel | null };
  const [cells, stateRows, recommendationRows, statusRows] = await Promise.all([
    readRows<Cell>(Prisma.sql`WITH ${cellsCte(input)} SELECT state_id, rec_id, status_id, progress, counts, odihr FROM scored`),
    readRows<{ id: string; name: string; iso2: string; kind: string }>(Prisma.sql`SELECT id, name, iso2, kind::text AS kind FROM "State"`),
    readRows<{ id: string; reference: string; text: string }>(Prisma.sql`
      SELECT r.id, r.reference, left(r.text, 160) AS text FROM "Recommendation" r
      WHERE ${whereFilters({ ...input, stateGroup: "all" })}
      ORDER BY r.reference, r.id`),
    allStatuses(),
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

  const states = stateRows
    .filter((state) => stateFigures.has(state.id))
    .map((state) => ({ ...state, figures: stateFigures.get(state.id)!.figures() }))
    .sort((a, b) =>
      input.sort === "score"
        ? (b.figures.meanProgress ?? -1) - (a.figures.meanProgress ?? -1) || a.name.localeCompare(b.name)
        : a.name.localeCompare(b.name),
    );
  const allRecommendations = recommendationRows
    .filter((recommendation) => recommendationFigures.has(recommendation.id))
    .map((recommendation) => ({ ...recommendation, figures: recommendationFigures.get(recommendation.id)!.figures() }));
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

/**
 * One recommendation across States: distribution by status and ODIHR level, each State's status
 * and the public part of its last accepted update (the note, which becomes public on acceptance,
 * and only the evidence links marked public), and the overdue States. One query for the rows
 * (evidence included), in parallel with the recommendation itself; figures from the rows.
 */
export async function getRecommendationReport(_actor: Actor, rawInput: z.input<typeof ZRecommendationReportInput>) {
  const input = ZRecommendationReportInput.parse(rawInput);
  const cte = cellsCte(input, Prisma.sql`AND c."recommendationId" = ${input.recommendationId}::uuid`);
  const asOfEnd = input.asOf ? endOfDayUtc(input.asOf) : new Date();
  const [recommendation, rows] = await Promise.all([
    // The recommendation with its source, themes and scale in one statement (a nested Prisma
    // read would take five).
    readRows<{
      id: string;
      reference: string;
      text: string;
      dueDate: string | null;
      source: { id: string; title: string };
      themes: { key: string; label: string }[];
      statuses: StatusRow[];
    }>(Prisma.sql`
      SELECT r.id, r.reference, r.text, ${sqlIsoDay(Prisma.sql`r."dueDate"`)} AS "dueDate",
             json_build_object('id', so.id, 'title', so.title) AS source,
             COALESCE((SELECT json_agg(json_build_object('key', t.key, 'label', t.label) ORDER BY t."sortOrder", t.id)
                       FROM "_RecommendationToTheme" rt JOIN "Theme" t ON t.id = rt."B" WHERE rt."A" = r.id), '[]') AS themes,
             (SELECT json_agg(json_build_object('id', st.id, 'key', st.key, 'label', st.label, 'position', st.position,
                                                'odihrLevel', st."odihrLevel", 'countsTowardsAverage', st."countsTowardsAverage") ORDER BY st.position)
              FROM "ScaleStatus" st WHERE st."scaleId" = r."scaleId") AS statuses
      FROM "Recommendation" r JOIN "Source" so ON so.id = r."sourceId"
      WHERE r.id = ${input.recommendationId}::uuid AND r.status = 'PUBLISHED'`).then((rows) => rows[0] ?? null),
    readRows<{
      state_id: string;
      name: string;
      iso2: string;
      status_id: string;
      status_key: string;
      status_label: string;
      progress: number;
      accepted_at: string | null;
      due_date: string | null;
      counts: boolean;
      odihr: OdihrLevel | null;
      narrative: string | null;
      evidence: { title: string; url: string }[] | null;
    }>(Prisma.sql`
      WITH ${cte}
      SELECT scored.state_id, s.name, s.iso2, scored.status_id, scored.status_key, scored.status_label, scored.progress,
             ${sqlIsoTime(Prisma.sql`scored.accepted_at`)} AS accepted_at, ${sqlIsoDay(Prisma.sql`scored.due_date`)} AS due_date,
             scored.counts, scored.odihr, u.narrative, ev.links AS evidence
      FROM scored
      JOIN "State" s ON s.id = scored.state_id
      LEFT JOIN LATERAL (
        SELECT pu.id, pu.narrative FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = scored.id AND pu.state = 'ACCEPTED' AND pu."reviewedAt" <= ${asOfEnd}
        ORDER BY pu."reviewedAt" DESC LIMIT 1
      ) u ON true
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('title', e.title, 'url', e.url) ORDER BY e.position) AS links
        FROM "EvidenceLink" e WHERE e."updateId" = u.id AND e."isPublic"
      ) ev ON true
      ORDER BY s.name`),
  ]);
  if (!recommendation) throw new DomainError("NOT_FOUND", "Recommendation not found.");
  const today = input.asOf ?? todayIsoUtc();
  const figures = new FigureAccumulator();
  const countByStatus = new Map<string, number>();
  const states = rows.map((row) => {
    figures.add(row.progress, row.counts, row.odihr);
    countByStatus.set(row.status_id, (countByStatus.get(row.status_id) ?? 0) + 1);
    return {
      stateId: row.state_id,
      name: row.name,
      iso2: row.iso2,
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      dueDate: row.due_date,
      overdue: isOverdueOn(row.due_date, row.accepted_at, today),
      note: row.narrative,
      evidence: row.evidence ?? [],
    };
  });
  return {
    filters: input,
    recommendation: { ...recommendation, statuses: undefined },
    statuses: recommendation.statuses,
    distribution: recommendation.statuses.map((status) => ({ key: status.key, label: status.label, count: countByStatus.get(status.id) ?? 0 })),
    figures: figures.figures(),
    states,
    overdue: states.filter((state) => state.overdue).map((state) => ({ stateId: state.stateId, name: state.name, dueDate: state.dueDate })),
  };
}

/**
 * One State's report card: its commitments, score, ODIHR distribution, and where the assessment
 * disagrees. One query for the rows, in parallel with the State itself; figures from the rows.
 */
export async function getStateReport(actor: Actor, rawInput: z.input<typeof ZStateReportInput>) {
  const input = ZStateReportInput.parse({ ...rawInput, stateGroup: "all" });
  const cte = cellsCte(input, Prisma.sql`AND c."stateId" = ${input.stateId}::uuid`);
  const showInternal = isSecretariat(actor);
  const asOfEnd = input.asOf ? endOfDayUtc(input.asOf) : new Date();
  const [state, rows] = await Promise.all([
    readRows<{ id: string; name: string; iso2: string; kind: "PARTICIPATING" | "PARTNER"; partnerGroup: string | null }>(Prisma.sql`
      SELECT id, name, iso2, kind::text AS kind, "partnerGroup" FROM "State" WHERE id = ${input.stateId}::uuid`).then((rows) => rows[0] ?? null),
    readRows<{
      commitment_id: string;
      rec_id: string;
      reference: string;
      text: string;
      source_title: string;
      status_id: string;
      status_key: string;
      status_label: string;
      progress: number;
      counts: boolean;
      odihr: OdihrLevel | null;
      accepted_at: string | null;
      due_date: string | null;
      last_update_at: string | null;
      assessment_status_id: string | null;
      assessment_key: string | null;
      assessment_label: string | null;
      assessment_rationale: string | null;
      assessment_public: boolean | null;
    }>(Prisma.sql`
      WITH ${cte}
      SELECT scored.id AS commitment_id, r.id AS rec_id, r.reference, left(r.text, 300) AS text, so.title AS source_title,
             scored.status_id, scored.status_key, scored.status_label, scored.progress, scored.counts, scored.odihr,
             ${sqlIsoTime(Prisma.sql`scored.accepted_at`)} AS accepted_at, ${sqlIsoDay(Prisma.sql`scored.due_date`)} AS due_date,
             ${sqlIsoTime(Prisma.sql`lu.reviewed_at`)} AS last_update_at,
             a."statusId" AS assessment_status_id, ast.key AS assessment_key, ast.label AS assessment_label,
             a.rationale AS assessment_rationale, a."isPublic" AS assessment_public
      FROM scored
      JOIN "Recommendation" r ON r.id = scored.rec_id
      JOIN "Source" so ON so.id = r."sourceId"
      LEFT JOIN LATERAL (
        SELECT max(pu."reviewedAt") AS reviewed_at FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = scored.id AND pu.state = 'ACCEPTED' AND pu."reviewedAt" <= ${asOfEnd}
      ) lu ON true
      LEFT JOIN LATERAL (
        SELECT x."statusId", x.rationale, x."isPublic" FROM "Assessment" x
        WHERE x."commitmentId" = scored.id AND x."createdAt" <= ${asOfEnd} AND (x."isPublic" OR ${showInternal})
        ORDER BY x."createdAt" DESC LIMIT 1
      ) a ON true
      LEFT JOIN "ScaleStatus" ast ON ast.id = a."statusId"
      ORDER BY r.reference, r.id`),
  ]);
  if (!state) throw new DomainError("NOT_FOUND", "State not found.");
  const today = input.asOf ?? todayIsoUtc();
  const figures = new FigureAccumulator();
  const commitments = rows.map((row) => {
    figures.add(row.progress, row.counts, row.odihr);
    const assessed = row.assessment_status_id !== null;
    return {
      commitmentId: row.commitment_id,
      recommendationId: row.rec_id,
      reference: row.reference,
      text: row.text,
      sourceTitle: row.source_title,
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      lastUpdateAt: row.last_update_at,
      dueDate: row.due_date,
      overdue: isOverdueOn(row.due_date, row.accepted_at, today),
      assessment: assessed
        ? { key: row.assessment_key!, label: row.assessment_label!, rationale: row.assessment_rationale, isPublic: row.assessment_public ?? false }
        : null,
      disagreement: assessed && row.assessment_status_id !== row.status_id,
    };
  });
  return {
    filters: input,
    state,
    figures: figures.figures(),
    commitments,
    disagreements: commitments.filter((commitment) => commitment.disagreement),
  };
}

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
  const where = whereFilters({ ...input, asOf: undefined });
  const rows = await db.$queryRaw<(FigureRow & { period_end: Date; status_id: string | null })[]>`
    WITH ends AS (SELECT unnest(${ends}::timestamptz[]) AS period_end),
    commitment AS (
      SELECT c.id FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      WHERE ${where}
    ),
    history AS (
      SELECT h."commitmentId", h."statusId", h.progress, h."effectiveAt",
             lead(h."effectiveAt") OVER (PARTITION BY h."commitmentId" ORDER BY h."effectiveAt") AS valid_until
      FROM "CommitmentStatusChange" h JOIN commitment ON commitment.id = h."commitmentId"
    ),
    scored AS (
      SELECT ends.period_end, history."statusId" AS status_id, history.progress,
             st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM ends
      JOIN history ON history."effectiveAt" <= ends.period_end AND (history.valid_until IS NULL OR history.valid_until > ends.period_end)
      JOIN "ScaleStatus" st ON st.id = history."statusId"
    )
    SELECT period_end, status_id, ${FIGURE_SQL} FROM scored GROUP BY GROUPING SETS ((period_end, status_id), (period_end)) ORDER BY period_end`;
  // The whole scale of the recommendations in the selection, so the legend shows every status.
  const statuses = await db.scaleStatus.findMany({
    where: { scale: { recommendations: { some: { status: "PUBLISHED", ...(input.sourceId ? { sourceId: input.sourceId } : {}) } } } },
    select: { id: true, key: true, label: true, position: true, odihrLevel: true, countsTowardsAverage: true },
    orderBy: [{ scaleId: "asc" }, { position: "asc" }],
  });
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const points = ends.map((end) => {
    const atEnd = rows.filter((row) => row.period_end.getTime() === end.getTime());
    const total = atEnd.find((row) => row.status_id === null);
    return {
      periodEnd: end,
      label: periodLabel(end, input.granularity),
      byStatus: Object.fromEntries(atEnd.filter((row) => row.status_id !== null).map((row) => [statusById.get(row.status_id!)!.key, row.commitments])) as Record<string, number>,
      figures: total ? figuresFromRow(total) : figuresFromRow({ commitments: 0, counted: 0, implemented: 0, meanProgress: null, odihrFully: 0, odihrMostly: 0, odihrPartially: 0, odihrNot: 0, odihrNotRated: 0 }),
    };
  });
  const seen = new Map<string, { key: string; label: string; position: number; odihrLevel: OdihrLevel | null }>();
  for (const status of statuses) if (!seen.has(status.key)) seen.set(status.key, status);
  return { filters: input, statuses: [...seen.values()].sort((a, b) => a.position - b.position), points };
}

/**
 * Commitments past their due date without an accepted update, grouped by State, earliest due
 * first: every State's count, and its first `perState` commitments (all when not given).
 */
export async function getOverdue(_actor: Actor, rawInput: z.input<typeof ZOverdueInput>) {
  const input = ZOverdueInput.parse(rawInput);
  const day = input.asOf ? startOfDayUtc(input.asOf) : startOfTodayUtc();
  const rows = await readRows<{
    state_id: string;
    name: string;
    iso2: string;
    state_total: number;
    commitment_id: string;
    rec_id: string;
    reference: string;
    text: string;
    due_date: string;
    status_key: string;
    status_label: string;
    progress: number;
  }>(Prisma.sql`
    WITH ${cellsCte(input, Prisma.sql`AND c."dueDate" < ${day}`)}, overdue AS (
      SELECT scored.*, r.reference, left(r.text, 200) AS text,
             row_number() OVER (PARTITION BY scored.state_id ORDER BY scored.due_date, r.reference, scored.id) AS position,
             count(*) OVER (PARTITION BY scored.state_id)::int AS state_total
      FROM scored JOIN "Recommendation" r ON r.id = scored.rec_id
      WHERE scored.accepted_at IS NULL
    )
    SELECT s.id AS state_id, s.name, s.iso2, overdue.state_total, overdue.id AS commitment_id, overdue.rec_id, overdue.reference, overdue.text,
           ${sqlIsoDay(Prisma.sql`overdue.due_date`)} AS due_date, overdue.status_key, overdue.status_label, overdue.progress
    FROM overdue JOIN "State" s ON s.id = overdue.state_id
    WHERE overdue.position <= ${input.perState ?? 2_147_483_647}
    ORDER BY s.name, overdue.position`);
  type Group = {
    stateId: string;
    name: string;
    iso2: string;
    /** All of the State's overdue commitments; `commitments` holds the first `perState` of them. */
    total: number;
    commitments: { commitmentId: string; recommendationId: string; reference: string; text: string; dueDate: string; status: { key: string; label: string }; progress: number }[];
  };
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let group = groups.get(row.state_id);
    if (!group) groups.set(row.state_id, (group = { stateId: row.state_id, name: row.name, iso2: row.iso2, total: row.state_total, commitments: [] }));
    group.commitments.push({
      commitmentId: row.commitment_id,
      recommendationId: row.rec_id,
      reference: row.reference,
      text: row.text,
      dueDate: row.due_date,
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
    });
  }
  const states = [...groups.values()];
  return { filters: input, asOf: day, total: states.reduce((sum, state) => sum + state.total, 0), states };
}

export type { Figures };
