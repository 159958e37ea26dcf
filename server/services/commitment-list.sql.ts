import "server-only";
import type { Locale } from "@/server/shared/locales";
import { Prisma } from "@/prisma/generated/client";
import type { z } from "zod";
import type { Actor } from "@/server/services/access";
import { commitmentScopeSql, updateScopeSql } from "@/server/services/access";
import { changedAtSql } from "@/server/services/commitments";
import { sqlDate, startOfTodayUtc } from "@/server/services/core/dates";
import { escapeLike } from "@/server/services/core/text-search";
import { DomainError } from "@/server/services/errors";
import type { COMMITMENT_SORTS, ZListCommitmentsInput } from "@/server/schemas/commitments";

// The commitments list is one keyset query in SQL. Its inner part finds the page (ids only) in
// an order PostgreSQL can walk from an index: by reference it walks
// "Recommendation" (reference, id) and probes each recommendation's commitments, so page 50 or
// page 4,560 costs what the first page costs. Its outer part joins what the table shows (State,
// status, source, open update) for those rows only. Aliases are fixed: c "Commitment",
// r "Recommendation", s "State" (the scope builders in access.ts rely on c and r).

export type Sort = (typeof COMMITMENT_SORTS)[number];
export type Direction = "asc" | "desc";
export type SortValue = string | number | null;
/** Where a page starts: after the row with this sort value and id. */
type PageStart = { value: SortValue; id: string };

/**
 * One sort order: the tables the page query needs, how to order, which value of a row a cursor
 * remembers, and the condition for "after this row" in that order. Ties are broken by id in the
 * same direction, so the order is total and every row is on exactly one page.
 */
export type SortSpec = {
  /** FROM of the page query (the count uses the LEFT JOIN form, which PostgreSQL drops when unused). */
  from: Prisma.Sql;
  orderBy: (direction: Direction) => Prisma.Sql;
  /** The sort value of a row as the list answers it (dates as Date). */
  valueOf: (row: { updatedAt: Date; dueDate: Date | null; acceptedProgress: number; state: { iso2: string }; recommendation: { reference: string } }) => SortValue;
  after: (value: SortValue, id: string, direction: Direction) => Prisma.Sql;
  /** The page query (ids in order), when the plain "WHERE filters AND after ORDER BY LIMIT" is not the best shape. */
  page?: (query: PageQuery) => Prisma.Sql;
};
type PageQuery = { filters: Prisma.Sql; cursor: PageStart | null; direction: Direction; take: number };

/** A cursor that does not fit its sort: tampered with, or of another order. */
export function invalidCursor() {
  return new DomainError("BAD_REQUEST", "commitments.pageLinkGone");
}

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
export function updatedSort(changedAt: Prisma.Sql): SortSpec {
  return {
    from: WITH_RECOMMENDATION,
    orderBy: (direction) => Prisma.sql`${changedAt} ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => row.updatedAt.toISOString(),
    after: (value, id, direction) =>
      Prisma.sql`(${changedAt}, c.id) ${AFTER[direction]} (${requireDate(value).toISOString()}::timestamptz, ${id}::uuid)`,
  };
}

/**
 * By State, in name order of the reader's language: `iso2InOrder` lists the States' codes in that
 * order (state-names.ts decides it), and a row's rank is its State's place in the list.
 */
export function stateSort(iso2InOrder: string[]): SortSpec {
  const rank = Prisma.sql`array_position(${iso2InOrder}::text[], s."iso2"::text)`;
  return {
    from: Prisma.sql`${WITH_RECOMMENDATION} JOIN "State" s ON s.id = c."stateId"`,
    orderBy: (direction) => Prisma.sql`${rank} ${ORDER[direction]}, c.id ${ORDER[direction]}`,
    valueOf: (row) => iso2InOrder.indexOf(row.state.iso2) + 1,
    after: (value, id, direction) => Prisma.sql`(${rank}, c.id) ${AFTER[direction]} (${requireNumber(value)}::int, ${id}::uuid)`,
  };
}

export const SORTS: Record<Exclude<Sort, "state">, SortSpec> = {
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

/**
 * What the open-update column says of commitment c: the state of its latest update the actor may
 * see when that one is open (DRAFT, SUBMITTED) or RETURNED (no revised update opened since), else
 * NULL. The open update is always the latest: a commitment has at most one, and a new one starts
 * only after the previous was reviewed. One probe of the (commitmentId, createdAt) index.
 */
function openUpdateStateSql(actor: Actor): Prisma.Sql {
  return Prisma.sql`(SELECT NULLIF(latest."reviewState", 'ACCEPTED') FROM (
    SELECT pu."reviewState" FROM "ProgressUpdate" pu
    WHERE pu."commitmentId" = c.id AND ${updateScopeSql(actor)}
    ORDER BY pu."createdAt" DESC, pu.id DESC LIMIT 1) latest)`;
}

/** The actor's scope and the filters, as SQL over c and r. */
export function filtersFor(actor: Actor, input: z.output<typeof ZListCommitmentsInput>): Prisma.Sql {
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
  if (input.openUpdate) filters.push(Prisma.sql`${openUpdateStateSql(actor)} = ${input.openUpdate}::"ReviewState"`);
  const search = input.search?.trim();
  if (search) {
    // Literal: % _ and \ in the search are escaped (\ is ILIKE's escape character).
    const pattern = `%${escapeLike(search)}%`;
    // In every language: the original text and its translations (found by recommendation id).
    filters.push(Prisma.sql`(r."reference" ILIKE ${pattern} OR r."text" ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM "RecommendationTranslation" rtr WHERE rtr."recommendationId" = r.id AND rtr."text" ILIKE ${pattern}))`);
  }
  return Prisma.join(filters, " AND ");
}

/**
 * The page: its ids (one more row than asked for, to know whether there is a next page) in the
 * sort order, joined with what the table shows, the reader's "last changed" and the open update.
 */
export function pageRowsSql(actor: Actor, spec: SortSpec, query: PageQuery, locale: Locale) {
  const direction = query.direction;
  return Prisma.sql`
      SELECT c.id, c."version", c."voluntary", c."acceptedProgress", c."acceptedAt", c."dueDate", ${changedAtSql(actor)} AS "updatedAt",
        st.id AS "statusId", st."key" AS "statusKey", st."label" AS "statusLabel", st."position" AS "statusPosition",
        st."defaultProgress" AS "statusDefaultProgress", st."countsTowardsAverage" AS "statusCountsTowardsAverage",
        st."odihrLevel" AS "statusOdihrLevel",
        s.id AS "stateId", s."name" AS "stateName", s."iso2" AS "stateIso2", s."kind" AS "stateKind",
        r.id AS "recommendationId", r."reference", r."text", r."language", rtr."text" AS "translatedText",
        src.id AS "sourceId", src."title" AS "sourceTitle", src."language" AS "sourceLanguage", str."title" AS "translatedSourceTitle",
        open_update."reviewState" AS "openUpdateReviewState"
      FROM (${pageIds(spec, query)}) page
      JOIN "Commitment" c ON c.id = page.id
      JOIN "Recommendation" r ON r.id = c."recommendationId"
      JOIN "Source" src ON src.id = r."sourceId"
      -- The reader's language, when the text and the source's title are translated into it.
      LEFT JOIN "RecommendationTranslation" rtr ON rtr."recommendationId" = r.id AND rtr."locale" = ${locale}
      LEFT JOIN "SourceTranslation" str ON str."sourceId" = src.id AND str."locale" = ${locale}
      JOIN "State" s ON s.id = c."stateId"
      JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
      LEFT JOIN LATERAL (SELECT ${openUpdateStateSql(actor)} AS "reviewState") open_update ON TRUE
      ORDER BY ${spec.orderBy(direction)}`;
}

/** The count of the whole filtered set. */
export const countSql = (filters: Prisma.Sql) => Prisma.sql`SELECT count(*)::int AS count FROM ${WITH_RECOMMENDATION} WHERE ${filters}`;
