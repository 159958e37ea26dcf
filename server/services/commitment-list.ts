import "server-only";
import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import type { OdihrLevel, ReviewState, StateKind } from "@/prisma/generated/enums";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isFocalPoint } from "@/server/services/access";
import { changedAtSql, commitmentSummarySelect, isOverdue } from "@/server/services/commitments";
import { countSql, filtersFor, invalidCursor, pageRowsSql, SORTS, stateSort, updatedSort, type Direction, type Sort } from "@/server/services/commitment-list.sql";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import { chooseVersion } from "@/server/services/core/content-language";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS, ZListCommitmentsInput } from "@/server/schemas/commitments";
import { zText } from "@/server/schemas/common";

// The commitments list: one keyset query in SQL (commitment-list.sql.ts), paged by a cursor that
// names its sort and direction.

/** A row of the list: the same shape as `commitmentSummarySelect`. */
type ListRow = Omit<Prisma.CommitmentGetPayload<{ select: typeof commitmentSummarySelect }>, "recommendation"> & {
  recommendation: ReturnType<typeof listRecommendation>;
};

// The cursor names its sort and direction, so a cursor of one order can never page another.
const ZCursor = z.strictObject({
  sort: z.enum(COMMITMENT_SORTS),
  direction: z.enum(["asc", "desc"]),
  // Sort values as the server writes them: text PostgreSQL can store, int4 progress, or null.
  value: z.union([zText(300), z.number().int().min(-2_147_483_648).max(2_147_483_647), z.null()]),
  id: z.uuid(),
});
type Cursor = z.infer<typeof ZCursor>;

function readCursor(raw: string | undefined, sort: Sort, direction: Direction): Cursor | null {
  if (!raw) return null;
  const cursor = decodeCursor(raw, ZCursor);
  if (!cursor || cursor.sort !== sort || cursor.direction !== direction) throw invalidCursor();
  return cursor;
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
  language: string;
  translatedText: string | null;
  sourceId: string;
  sourceTitle: string;
  sourceLanguage: string;
  translatedSourceTitle: string | null;
  openUpdateReviewState: ReviewState | null;
};

/** The recommendation of a row in the reader's language (see core/content-language.ts). */
function listRecommendation(row: PageRow, locale: Locale) {
  const text = chooseVersion(row.text, row.language, row.translatedText ?? undefined, locale);
  const title = chooseVersion(row.sourceTitle, row.sourceLanguage, row.translatedSourceTitle ?? undefined, locale);
  return {
    id: row.recommendationId,
    reference: row.reference,
    text: text.value,
    textLang: text.lang,
    isFallback: text.isFallback,
    source: { id: row.sourceId, title: title.value, titleLang: title.lang },
  };
}

function toListRow(row: PageRow, locale: Locale): ListRow {
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
    recommendation: listRecommendation(row, locale),
  };
}

/**
 * Commitments in the actor's scope with filters, keyset-paged in the chosen order (at most 100
 * a page). `totalCount` counts the whole filtered set on the first page, or when `count` asks for
 * it; otherwise it is null (the client keeps the first page's while paging).
 */
export async function listCommitments(actor: Actor, rawInput: TListCommitmentsInput, locale: Locale = DEFAULT_LOCALE) {
  const input = ZListCommitmentsInput.parse(rawInput);
  const spec =
    input.sort === "updated"
      ? updatedSort(changedAtSql(actor))
      : input.sort === "state"
        ? stateSort(sortStatesByName(await db.state.findMany({ select: { iso2: true, name: true } }), locale).map((state) => state.iso2))
        : SORTS[input.sort];
  const cursor = readCursor(input.cursor, input.sort, input.direction);
  const withCount = input.count ?? cursor === null;
  if (input.stateId && isFocalPoint(actor) && input.stateId !== actor.stateId) {
    return { items: [], nextCursor: null, totalCount: withCount ? 0 : null };
  }
  const filters = filtersFor(actor, input);

  const [rows, totalCount] = await Promise.all([
    db.$queryRaw<PageRow[]>(pageRowsSql(actor, spec, { filters, cursor, direction: input.direction, take: input.limit + 1 }, locale)),
    withCount ? db.$queryRaw<{ count: number }[]>(countSql(filters)).then(([row]) => row?.count ?? 0) : null,
  ]);
  const page = rows.slice(0, input.limit).map((row) => toListRow(row, locale));
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
