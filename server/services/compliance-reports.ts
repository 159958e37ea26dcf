import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { DomainError } from "@/server/services/errors";
import { FIGURE_SQL, figuresFromRow, type FigureRow, type Figures, type OdihrLevel } from "@/server/services/compliance-figures";
import { ZMatrixInput, ZRecommendationReportInput, ZReportFilters, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";
import type { z } from "zod";

// Compliance reports, aggregated in PostgreSQL. Reports only ever read published
// recommendations and accepted statuses, so they are the same for every reader except that the
// secretariat also sees its internal assessments; no report names a person.

type Filters = z.output<typeof ZReportFilters>;

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`);

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
 * The commitments in the report with their accepted status: today's, or as of the end of the
 * `asOf` day read from the status history (one index probe per commitment).
 */
function cellsCte(filters: Filters, extraWhere: Prisma.Sql = Prisma.empty) {
  const where = whereFilters(filters);
  if (!filters.asOf) {
    return Prisma.sql`cell AS (
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, c."acceptedStatusId" AS status_id,
             c."acceptedProgress" AS progress, c."acceptedAt" AS accepted_at, c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      WHERE ${where} ${extraWhere}
    ), scored AS (
      SELECT cell.*, st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM cell JOIN "ScaleStatus" st ON st.id = cell.status_id
    )`;
  }
  const end = endOfDay(filters.asOf);
  return Prisma.sql`cell AS (
      SELECT c.id, c."stateId" AS state_id, c."recommendationId" AS rec_id, h."statusId" AS status_id,
             h.progress, CASE WHEN h."updateId" IS NULL THEN NULL ELSE h."effectiveAt" END AS accepted_at, c."dueDate" AS due_date
      FROM "Commitment" c
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "State" s ON s.id = c."stateId"
      JOIN LATERAL (
        SELECT x."statusId", x.progress, x."effectiveAt", x."updateId"
        FROM "CommitmentStatusChange" x
        WHERE x."commitmentId" = c.id AND x."effectiveAt" <= ${end}
        ORDER BY x."effectiveAt" DESC
        LIMIT 1
      ) h ON true
      WHERE ${where} ${extraWhere}
    ), scored AS (
      SELECT cell.*, st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
      FROM cell JOIN "ScaleStatus" st ON st.id = cell.status_id
    )`;
}

async function statusesUsed(statusIds: string[]) {
  if (statusIds.length === 0) return [];
  return db.scaleStatus.findMany({
    where: { id: { in: statusIds } },
    select: { id: true, key: true, label: true, position: true, odihrLevel: true, countsTowardsAverage: true },
    orderBy: [{ scaleId: "asc" }, { position: "asc" }],
  });
}

export type MatrixReport = Awaited<ReturnType<typeof getMatrix>>;

/**
 * The State x recommendation matrix: each cell the accepted status and progress; row and column
 * figures; 57 x 200 cells come back as compact arrays.
 */
export async function getMatrix(_actor: Actor, rawInput: z.input<typeof ZMatrixInput>) {
  const input = ZMatrixInput.parse(rawInput);
  const cte = cellsCte(input);
  const [cells, rowFigures, columnFigures, totals] = await Promise.all([
    db.$queryRaw<{ state_id: string; rec_id: string; status_id: string; progress: number }[]>`
      WITH ${cte} SELECT state_id, rec_id, status_id, progress FROM scored`,
    db.$queryRaw<(FigureRow & { state_id: string; name: string; iso2: string; kind: string })[]>`
      WITH ${cte}
      SELECT s.id AS state_id, s.name, s.iso2, s.kind::text AS kind, ${FIGURE_SQL}
      FROM scored JOIN "State" s ON s.id = scored.state_id
      GROUP BY s.id, s.name, s.iso2, s.kind`,
    db.$queryRaw<(FigureRow & { rec_id: string; reference: string; text: string })[]>`
      WITH ${cte}
      SELECT r.id AS rec_id, r.reference, left(r.text, 160) AS text, ${FIGURE_SQL}
      FROM scored JOIN "Recommendation" r ON r.id = scored.rec_id
      GROUP BY r.id, r.reference, r.text
      ORDER BY r.reference, r.id`,
    db.$queryRaw<FigureRow[]>`WITH ${cte} SELECT ${FIGURE_SQL} FROM scored`,
  ]);

  const states = rowFigures
    .map((row) => ({ id: row.state_id, name: row.name, iso2: row.iso2, kind: row.kind, figures: figuresFromRow(row) }))
    .sort((a, b) =>
      input.sort === "score"
        ? (b.figures.meanProgress ?? -1) - (a.figures.meanProgress ?? -1) || a.name.localeCompare(b.name)
        : a.name.localeCompare(b.name),
    );
  const recommendations = columnFigures.map((row) => ({ id: row.rec_id, reference: row.reference, text: row.text, figures: figuresFromRow(row) }));
  const stateIndex = new Map(states.map((state, index) => [state.id, index]));
  const recommendationIndex = new Map(recommendations.map((recommendation, index) => [recommendation.id, index]));
  const statuses = await statusesUsed([...new Set(cells.map((cell) => cell.status_id))]);
  const statusIndex = new Map(statuses.map((status, index) => [status.id, index]));

  // grid[row][column] = [status index, progress], or null where the recommendation is not addressed to the State.
  const grid: ([number, number] | null)[][] = states.map(() => recommendations.map(() => null));
  for (const cell of cells) {
    const row = stateIndex.get(cell.state_id);
    const column = recommendationIndex.get(cell.rec_id);
    if (row === undefined || column === undefined) continue;
    grid[row]![column] = [statusIndex.get(cell.status_id)!, cell.progress];
  }
  return {
    filters: input,
    statuses,
    states,
    recommendations,
    grid,
    totals: figuresFromRow(totals[0]!),
  };
}

type StateStatusRow = {
  state_id: string;
  name: string;
  iso2: string;
  status_id: string;
  progress: number;
  accepted_at: Date | null;
  due_date: Date | null;
  counts: boolean;
  odihr: string | null;
  narrative: string | null;
  update_id: string | null;
};

/**
 * One recommendation across States: distribution by status and ODIHR level, each State's status
 * and the public part of its last accepted update (the note, which becomes public on acceptance,
 * and only the evidence links marked public), and the overdue States.
 */
export async function getRecommendationReport(_actor: Actor, rawInput: z.input<typeof ZRecommendationReportInput>) {
  const input = ZRecommendationReportInput.parse(rawInput);
  const recommendation = await db.recommendation.findFirst({
    where: { id: input.recommendationId, status: "PUBLISHED" },
    select: {
      id: true,
      reference: true,
      text: true,
      dueDate: true,
      source: { select: { id: true, title: true } },
      themes: { select: { key: true, label: true }, orderBy: { sortOrder: "asc" } },
      scale: { select: { statuses: { select: { id: true, key: true, label: true, position: true, odihrLevel: true, countsTowardsAverage: true }, orderBy: { position: "asc" } } } },
    },
  });
  if (!recommendation) throw new DomainError("NOT_FOUND", "Recommendation not found.");
  const cte = cellsCte(input, Prisma.sql`AND c."recommendationId" = ${input.recommendationId}::uuid`);
  const asOfEnd = input.asOf ? endOfDay(input.asOf) : new Date();
  const [rows, totals, byStatus] = await Promise.all([
    db.$queryRaw<StateStatusRow[]>`
      WITH ${cte}
      SELECT scored.state_id, s.name, s.iso2, scored.status_id, scored.progress, scored.accepted_at, scored.due_date,
             scored.counts, scored.odihr, u.narrative, u.id AS update_id
      FROM scored
      JOIN "State" s ON s.id = scored.state_id
      LEFT JOIN LATERAL (
        SELECT pu.id, pu.narrative FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = scored.id AND pu.state = 'ACCEPTED' AND pu."reviewedAt" <= ${asOfEnd}
        ORDER BY pu."reviewedAt" DESC LIMIT 1
      ) u ON true
      ORDER BY s.name`,
    db.$queryRaw<FigureRow[]>`WITH ${cte} SELECT ${FIGURE_SQL} FROM scored`,
    db.$queryRaw<{ status_id: string; count: number }[]>`WITH ${cte} SELECT status_id, count(*)::int AS count FROM scored GROUP BY status_id`,
  ]);
  const evidence = await publicEvidenceOf(rows.map((row) => row.update_id).filter((id): id is string => id !== null));
  const today = input.asOf ? new Date(`${input.asOf}T00:00:00Z`) : startOfTodayUtc();
  const statusById = new Map(recommendation.scale.statuses.map((status) => [status.id, status]));
  const states = rows.map((row) => {
    const status = statusById.get(row.status_id)!;
    return {
      stateId: row.state_id,
      name: row.name,
      iso2: row.iso2,
      status: { key: status.key, label: status.label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      dueDate: row.due_date,
      overdue: row.due_date !== null && row.due_date < today && row.accepted_at === null,
      note: row.narrative,
      evidence: row.update_id ? (evidence.get(row.update_id) ?? []) : [],
    };
  });
  return {
    filters: input,
    recommendation: { ...recommendation, scale: undefined },
    statuses: recommendation.scale.statuses,
    distribution: recommendation.scale.statuses.map((status) => ({
      key: status.key,
      label: status.label,
      count: byStatus.find((row) => row.status_id === status.id)?.count ?? 0,
    })),
    figures: figuresFromRow(totals[0]!),
    states,
    overdue: states.filter((state) => state.overdue).map((state) => ({ stateId: state.stateId, name: state.name, dueDate: state.dueDate })),
  };
}

async function publicEvidenceOf(updateIds: string[]) {
  const byUpdate = new Map<string, { title: string; url: string }[]>();
  if (updateIds.length === 0) return byUpdate;
  const links = await db.evidenceLink.findMany({
    where: { updateId: { in: updateIds }, isPublic: true },
    select: { updateId: true, title: true, url: true },
    orderBy: [{ updateId: "asc" }, { position: "asc" }],
  });
  for (const link of links) {
    const list = byUpdate.get(link.updateId) ?? [];
    list.push({ title: link.title, url: link.url });
    byUpdate.set(link.updateId, list);
  }
  return byUpdate;
}

function startOfTodayUtc() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** One State's report card: its commitments, score, ODIHR distribution, and where the assessment disagrees. */
export async function getStateReport(actor: Actor, rawInput: z.input<typeof ZStateReportInput>) {
  const input = ZStateReportInput.parse({ ...rawInput, stateGroup: "all" });
  const state = await db.state.findUnique({ where: { id: input.stateId }, select: { id: true, name: true, iso2: true, kind: true, partnerGroup: true } });
  if (!state) throw new DomainError("NOT_FOUND", "State not found.");
  const cte = cellsCte(input, Prisma.sql`AND c."stateId" = ${input.stateId}::uuid`);
  const showInternal = isSecretariat(actor);
  const asOfEnd = input.asOf ? endOfDay(input.asOf) : new Date();
  const [rows, totals] = await Promise.all([
    db.$queryRaw<
      {
        commitment_id: string;
        rec_id: string;
        reference: string;
        text: string;
        source_title: string;
        status_id: string;
        progress: number;
        accepted_at: Date | null;
        due_date: Date | null;
        last_update_at: Date | null;
        assessment_status_id: string | null;
        assessment_rationale: string | null;
        assessment_public: boolean | null;
      }[]
    >`
      WITH ${cte}
      SELECT scored.id AS commitment_id, r.id AS rec_id, r.reference, left(r.text, 300) AS text, so.title AS source_title,
             scored.status_id, scored.progress, scored.accepted_at, scored.due_date,
             lu.reviewed_at AS last_update_at,
             a."statusId" AS assessment_status_id, a.rationale AS assessment_rationale, a."isPublic" AS assessment_public
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
      ORDER BY r.reference, r.id`,
    db.$queryRaw<FigureRow[]>`WITH ${cte} SELECT ${FIGURE_SQL} FROM scored`,
  ]);
  const statuses = await statusesUsed([...new Set(rows.flatMap((row) => [row.status_id, row.assessment_status_id].filter((id): id is string => id !== null)))]);
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const today = input.asOf ? new Date(`${input.asOf}T00:00:00Z`) : startOfTodayUtc();
  const commitments = rows.map((row) => {
    const status = statusById.get(row.status_id)!;
    const assessed = row.assessment_status_id ? statusById.get(row.assessment_status_id)! : null;
    return {
      commitmentId: row.commitment_id,
      recommendationId: row.rec_id,
      reference: row.reference,
      text: row.text,
      sourceTitle: row.source_title,
      status: { key: status.key, label: status.label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      lastUpdateAt: row.last_update_at,
      dueDate: row.due_date,
      overdue: row.due_date !== null && row.due_date < today && row.accepted_at === null,
      assessment: assessed ? { key: assessed.key, label: assessed.label, rationale: row.assessment_rationale, isPublic: row.assessment_public ?? false } : null,
      disagreement: assessed !== null && assessed.id !== status.id,
    };
  });
  return {
    filters: input,
    state,
    figures: figuresFromRow(totals[0]!),
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
  const until = input.asOf ? endOfDay(input.asOf) : new Date();
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

/** Commitments past their due date without an accepted update, grouped by State. */
export async function getOverdue(_actor: Actor, rawInput: z.input<typeof ZReportFilters>) {
  const input = ZReportFilters.parse(rawInput);
  const day = input.asOf ? new Date(`${input.asOf}T00:00:00Z`) : startOfTodayUtc();
  const cte = cellsCte(input);
  const rows = await db.$queryRaw<
    { state_id: string; name: string; iso2: string; commitment_id: string; rec_id: string; reference: string; text: string; due_date: Date; status_id: string; progress: number }[]
  >`
    WITH ${cte}
    SELECT s.id AS state_id, s.name, s.iso2, scored.id AS commitment_id, r.id AS rec_id, r.reference, left(r.text, 200) AS text,
           scored.due_date, scored.status_id, scored.progress
    FROM scored
    JOIN "State" s ON s.id = scored.state_id
    JOIN "Recommendation" r ON r.id = scored.rec_id
    WHERE scored.due_date < ${day} AND scored.accepted_at IS NULL
    ORDER BY s.name, scored.due_date, r.reference`;
  const statuses = await statusesUsed([...new Set(rows.map((row) => row.status_id))]);
  const statusById = new Map(statuses.map((status) => [status.id, status]));
  const groups = new Map<string, { stateId: string; name: string; iso2: string; commitments: { commitmentId: string; recommendationId: string; reference: string; text: string; dueDate: Date; status: { key: string; label: string }; progress: number }[] }>();
  for (const row of rows) {
    const group = groups.get(row.state_id) ?? { stateId: row.state_id, name: row.name, iso2: row.iso2, commitments: [] };
    const status = statusById.get(row.status_id)!;
    group.commitments.push({ commitmentId: row.commitment_id, recommendationId: row.rec_id, reference: row.reference, text: row.text, dueDate: row.due_date, status: { key: status.key, label: status.label }, progress: row.progress });
    groups.set(row.state_id, group);
  }
  return { filters: input, asOf: day, total: rows.length, states: [...groups.values()] };
}

export type { Figures };
