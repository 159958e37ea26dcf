import { escapeLike } from "@/server/services/core/text-search";
import { z } from "zod";
import { Prisma } from "@/prisma/generated/client";
import type { OdihrLevel, ReviewState, StateKind } from "@/prisma/generated/enums";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { commitmentScopeSql, isFocalPoint, updateScopeSql } from "@/server/services/access";
import { changedAtSql, commitmentSummarySelect, isOverdue } from "@/server/services/commitments";
import { sqlDate, startOfTodayUtc } from "@/server/services/core/dates";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import { DomainError } from "@/server/services/errors";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS, ZListCommitmentsInput } from "@/server/schemas/commitments";
import { zText } from "@/server/schemas/common";

// The commitments list is one keyset query in SQL. Its inner part finds the page (ids only) in
// an order PostgreSQL can walk from an index: by reference it walks
// "Recommendation" (reference, id) and probes each recommendation's commitments, so page 50 or
// page 4,560 costs what the first page costs. Its outer part joins what the table shows (State,
// status, source, open update) for those rows only. Aliases are fixed: c "Commitment",
// r "Recommendation", s "State" (the scope builders in access.ts rely on c and r).

type Sort = (typeof COMMITMENT_SORTS)[number];
type Direction = "asc" | "desc";
type SortValue = string | number | null;

/** A row of the list: the same shape as `commitmentSummarySelect`. */
type ListRow = Prisma.CommitmentGetPayload<{ select: typeof commitmentSummarySelect }>;

/**
 * One sort order: the tables the page query needs, how to order, which value of a row a cursor
 * remembers, and the condition for "after this row" in that order. Ties are broken by id in the
 * same direction, so the order is total and every row is on exactly one page.
 */
type SortSpec = {
  /** FROM of the page query (the count uses the LEFT JOIN form, which PostgreSQL drops when unused). */
  from: Prisma.Sql;
  orderBy: (direction: Direction) => Prisma.Sql;
  valueOf: (row: ListRow) => SortValue;
  after: (value: SortValue, id: string, direction: Direction) => Prisma.Sql;
  /** The page query (ids in order), when the plain "WHERE filters AND after ORDER BY LIMIT" is not the best shape. */
  page?: (query: PageQuery) => Prisma.Sql;
};
type PageQuery = { filters: Prisma.Sql; cursor: Cursor | null; direction: Direction; take: number };

// Commitment -> Recommendation is a non-null foreign key, so an inner and a left join give the same
// rows. The reference order joins inner so that PostgreSQL can drive the join from the
// recommendations in reference order; the others join left, so that the join disappears when
// no filter reads the recommendation.
const WITH_RECOMMENDATION = Prisma.sql`"Commitment" c LEFT JOIN "Recommendation" r ON r.id = c."recommendationId"`;

// Only ever the constant SQL below, chosen by the (validated) direction; never input.
const ORDER = { asc: Prisma.raw("ASC"), desc: Prisma.raw("DESC") } as const;
const AFTER = { asc: Prisma.raw(">"), desc: Prisma.raw("<") } as const;
const FROM_ON = { asc: Prisma.raw(">="), desc: Prisma.raw("<=") } as const;

function requireString(value: SortValue): string {
  if (typeof value !== "string") throw invalidCursor();
  return value;
}

function requireNumber(value: SortValue): number {
  if (typeof value !== "number") throw invalidCursor();
  return value;
}

// Exactly what `Date.toISOString()` writes for years 1 to 9999: anything else (year 0 or 10000,
// "+010000-…", 2023-02-30) would reach PostgreSQL as an error instead of being refused here.
const ISO_TIME = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function requireDate(value: SortValue): Date {
  const text = requireString(value);
  const date = new Date(text);
  if (!ISO_TIME.test(text) || Number.isNaN(date.getTime()) || date.toISOString() !== text) throw invalidCursor();
  return date;
}

/** "Last changed": by the time the reader may see (`changedAtSql`), which each row also carries. */
function updatedSort(changedAt: Prisma.Sql): SortSpec {
  return {
    from: WITH_RECOMMENDATION,
    orderBy: (direction) => Prisma.sql`${changedAt} ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.updatedAt.toISOString(),
    after: (value, id, direction) =>
      Prisma.sql`(${changedAt}, c.id) ${AFTER[direction]} (${requireDate(value).toISOString()}::timestamptz, ${id}::uuid)`,
  };
}

const SORTS: Record<Sort, SortSpec> = {
  reference: {
    from: Prisma.sql`"Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId"`,
    orderBy: (direction) => Prisma.sql`r."reference" ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.recommendation.reference,
    // The first condition is implied by the second; it is what lets PostgreSQL start the index
    // scan of "Recommendation" (reference, id) at the cursor instead of at the beginning.
    after: (value, id, direction) => {
      const reference = requireString(value);
      return Prisma.sql`r."reference" ${FROM_ON[direction]} ${reference}
        AND (r."reference", c.id) ${AFTER[direction]} (${reference}, ${id}::uuid)`;
    },
  },
  state: {
    from: Prisma.sql`${WITH_RECOMMENDATION} JOIN "State" s ON s.id = c."stateId"`,
    orderBy: (direction) => Prisma.sql`s."name" ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.state.name,
    after: (value, id, direction) => {
      const name = requireString(value);
      return Prisma.sql`s."name" ${FROM_ON[direction]} ${name} AND (s."name", c.id) ${AFTER[direction]} (${name}, ${id}::uuid)`;
    },
  },
  progress: {
    from: WITH_RECOMMENDATION,
    orderBy: (direction) => Prisma.sql`c."acceptedProgress" ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.acceptedProgress,
    after: (value, id, direction) =>
      Prisma.sql`(c."acceptedProgress", c.id) ${AFTER[direction]} (${requireNumber(value)}::int, ${id}::uuid)`,
  },
  updated: updatedSort(Prisma.sql`c."updatedAt"`),
  // Commitments without a due date come last in both directions: they are never "due soonest"
  // nor "due latest".
  dueDate: {
    from: WITH_RECOMMENDATION,
    orderBy: (direction) => Prisma.sql`c."dueDate" ${ORDER[direction]} NULLS LAST, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.dueDate?.toISOString() ?? null,
    after: (value, id, direction) => {
      if (value === null) return Prisma.sql`c."dueDate" IS NULL AND c.id ${AFTER[direction]} ${id}::uuid`;
      const dueDate = sqlDate(requireDate(value));
      return Prisma.sql`c."dueDate" ${FROM_ON[direction]} ${dueDate} AND (c."dueDate", c.id) ${AFTER[direction]} (${dueDate}, ${id}::uuid)`;
    },
    // Dated rows after the cursor, then the undated ones: two branches PostgreSQL can each read
    // in order (the dated one from the "dueDate" index, starting at the cursor), merged. One
    // condition "dated and after, or undated" could only be checked row by row from the start.
    page: ({ filters, cursor, direction, take }) => {
      const spec = SORTS.dueDate;
      const dir = ORDER[direction];
      const undated = (after: Prisma.Sql) => Prisma.sql`(SELECT c.id, c."dueDate" FROM ${spec.from}
        WHERE ${filters} AND c."dueDate" IS NULL ${after} ORDER BY c.id ${dir} LIMIT ${take})`;
      if (cursor && cursor.value === null) return undated(Prisma.sql`AND ${spec.after(null, cursor.id, direction)}`);
      const after = cursor ? Prisma.sql`AND ${spec.after(cursor.value, cursor.id, direction)}` : Prisma.empty;
      return Prisma.sql`SELECT c.id FROM (
        (SELECT c.id, c."dueDate" FROM ${spec.from} WHERE ${filters} AND c."dueDate" IS NOT NULL ${after}
          ORDER BY c."dueDate" ${dir}, c.id ${dir} LIMIT ${take})
        UNION ALL ${undated(Prisma.empty)}
      ) c ORDER BY ${spec.orderBy(direction)} LIMIT ${take}`;
    },
  },
};

/** The ids of the page (one more row than asked for, to know whether there is a next page), in order. */
function pageIds(spec: SortSpec, query: PageQuery): Prisma.Sql {
  if (spec.page) return spec.page(query);
  const after = query.cursor ? Prisma.sql`AND ${spec.after(query.cursor.value, query.cursor.id, query.direction)}` : Prisma.empty;
  return Prisma.sql`SELECT c.id FROM ${spec.from} WHERE ${query.filters} ${after} ORDER BY ${spec.orderBy(query.direction)} LIMIT ${query.take}`;
}

// The cursor names its sort and direction, so a cursor of one order can never page another.
const ZCursor = z.strictObject({
  sort: z.enum(COMMITMENT_SORTS),
  direction: z.enum(["asc", "desc"]),
  // Sort values as the server writes them: text PostgreSQL can store, int4 progress, or null.
  value: z.union([zText(300), z.number().int().min(-2_147_483_648).max(2_147_483_647), z.null()]),
  id: z.uuid(),
});
type Cursor = z.infer<typeof ZCursor>;

function invalidCursor() {
  return new DomainError("BAD_REQUEST", "This page link is no longer valid. Start again from the first page.");
}

function readCursor(raw: string | undefined, sort: Sort, direction: Direction): Cursor | null {
  if (!raw) return null;
  const cursor = decodeCursor(raw, ZCursor);
  if (!cursor || cursor.sort !== sort || cursor.direction !== direction) throw invalidCursor();
  return cursor;
}

/** The actor's scope and the filters, as SQL over c and r. */
function filtersFor(actor: Actor, input: z.output<typeof ZListCommitmentsInput>): Prisma.Sql {
  const today = sqlDate(startOfTodayUtc());
  const filters: Prisma.Sql[] = [commitmentScopeSql(actor)];
  if (input.stateId) filters.push(Prisma.sql`c."stateId" = ${input.stateId}::uuid`);
  if (input.sourceId) filters.push(Prisma.sql`r."sourceId" = ${input.sourceId}::uuid`);
  if (input.recommendationId) filters.push(Prisma.sql`c."recommendationId" = ${input.recommendationId}::uuid`);
  if (input.statusKey) {
    filters.push(Prisma.sql`c."acceptedStatusId" IN (SELECT st.id FROM "ScaleStatus" st WHERE st."key" = ${input.statusKey})`);
  }
  if (input.themeKey) {
    // On r, not on c."recommendationId": PostgreSQL then checks the theme once per recommendation
    // while it walks them in reference order, instead of joining every commitment of the theme
    // and sorting them (0.7 ms instead of 50-90 ms for an analyst's page).
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationTheme" rt JOIN "Theme" t ON t.id = rt."themeId"
      WHERE rt."recommendationId" = r.id AND t."key" = ${input.themeKey})`);
  }
  if (input.overdue === true) filters.push(Prisma.sql`c."dueDate" < ${today} AND c."acceptedAt" IS NULL`);
  if (input.overdue === false) {
    filters.push(Prisma.sql`(c."dueDate" IS NULL OR c."dueDate" >= ${today} OR c."acceptedAt" IS NOT NULL)`);
  }
  const search = input.search?.trim();
  if (search) {
    // Literal: % _ and \ in the search are escaped (\ is ILIKE's escape character).
    const pattern = `%${escapeLike(search)}%`;
    filters.push(Prisma.sql`(r."reference" ILIKE ${pattern} OR r."text" ILIKE ${pattern})`);
  }
  return Prisma.join(filters, " AND ");
}

type PageRow = {
  id: string;
  version: number;
  voluntary: boolean;
  acceptedProgress: number;
  acceptedAt: Date | null;
  dueDate: Date | null;
  updatedAt: Date;
  statusId: string;
  statusKey: string;
  statusLabel: string;
  statusPosition: number;
  statusDefaultProgress: number;
  statusCountsTowardsAverage: boolean;
  statusOdihrLevel: OdihrLevel | null;
  stateId: string;
  stateName: string;
  stateIso2: string;
  stateKind: StateKind;
  recommendationId: string;
  reference: string;
  text: string;
  sourceId: string;
  sourceTitle: string;
  openUpdateReviewState: ReviewState | null;
};

function toListRow(row: PageRow): ListRow {
  return {
    id: row.id,
    version: row.version,
    voluntary: row.voluntary,
    acceptedProgress: row.acceptedProgress,
    acceptedAt: row.acceptedAt,
    dueDate: row.dueDate,
    updatedAt: row.updatedAt,
    acceptedStatus: {
      id: row.statusId,
      key: row.statusKey,
      label: row.statusLabel,
      position: row.statusPosition,
      defaultProgress: row.statusDefaultProgress,
      countsTowardsAverage: row.statusCountsTowardsAverage,
      odihrLevel: row.statusOdihrLevel,
    },
    state: { id: row.stateId, name: row.stateName, iso2: row.stateIso2, kind: row.stateKind },
    recommendation: { id: row.recommendationId, reference: row.reference, text: row.text, source: { id: row.sourceId, title: row.sourceTitle } },
  };
}

/** The count of the whole filtered set. */
async function countAll(filters: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${WITH_RECOMMENDATION} WHERE ${filters}`;
  return row?.count ?? 0;
}

/**
 * Commitments in the actor's scope with filters, keyset-paged in the chosen order (at most 100
 * a page). `totalCount` counts the whole filtered set on the first page, or when `count` asks for
 * it; otherwise it is null (the client keeps the first page's while paging).
 */
export async function listCommitments(actor: Actor, rawInput: TListCommitmentsInput) {
  const input = ZListCommitmentsInput.parse(rawInput);
  const spec = input.sort === "updated" ? updatedSort(changedAtSql(actor)) : SORTS[input.sort];
  const cursor = readCursor(input.cursor, input.sort, input.direction);
  const withCount = input.count ?? cursor === null;
  if (input.stateId && isFocalPoint(actor) && input.stateId !== actor.stateId) {
    return { items: [], nextCursor: null, totalCount: withCount ? 0 : null };
  }
  const filters = filtersFor(actor, input);
  const orderBy = spec.orderBy(input.direction);

  const [rows, totalCount] = await Promise.all([
    db.$queryRaw<PageRow[]>`
      SELECT c.id, c."version", c."voluntary", c."acceptedProgress", c."acceptedAt", c."dueDate", ${changedAtSql(actor)} AS "updatedAt",
        st.id AS "statusId", st."key" AS "statusKey", st."label" AS "statusLabel", st."position" AS "statusPosition",
        st."defaultProgress" AS "statusDefaultProgress", st."countsTowardsAverage" AS "statusCountsTowardsAverage",
        st."odihrLevel" AS "statusOdihrLevel",
        s.id AS "stateId", s."name" AS "stateName", s."iso2" AS "stateIso2", s."kind" AS "stateKind",
        r.id AS "recommendationId", r."reference", r."text", src.id AS "sourceId", src."title" AS "sourceTitle",
        open_update."reviewState" AS "openUpdateReviewState"
      FROM (${pageIds(spec, { filters, cursor, direction: input.direction, take: input.limit + 1 })}) page
      JOIN "Commitment" c ON c.id = page.id
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "Source" src ON src.id = r."sourceId"
      JOIN "State" s ON s.id = c."stateId"
      JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
      LEFT JOIN LATERAL (
        SELECT pu."reviewState" FROM "ProgressUpdate" pu
        WHERE pu."commitmentId" = c.id AND pu."reviewState" IN ('DRAFT', 'SUBMITTED') AND ${updateScopeSql(actor)}
        LIMIT 1
      ) open_update ON TRUE
      ORDER BY ${orderBy}`,
    withCount ? countAll(filters) : null,
  ]);
  const page = rows.slice(0, input.limit).map(toListRow);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ sort: input.sort, direction: input.direction, value: spec.valueOf(last), id: last.id } satisfies Cursor)
      : null;
  return {
    items: page.map((row, index) => ({
      ...row,
      // The version moves on internal changes too; the public never writes (see changedAtSql).
      version: actor.kind === "user" ? row.version : null,
      overdue: isOverdue(row),
      openUpdateReviewState: rows[index]!.openUpdateReviewState,
    })),
    nextCursor,
    totalCount,
  };
}
