import "server-only";
import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import type { OdihrLevel, ReviewState, StateKind } from "@/prisma/generated/enums";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isFocalPoint } from "@/server/services/access";
import { changedAtSql, commitmentSummarySelect, isOverdue } from "@/server/services/commitments";
import { countSql, filtersFor, invalidCursor, pageRowsSql, SORTS, updatedSort, type Direction, type Sort } from "@/server/services/commitment-list.sql";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS, ZListCommitmentsInput } from "@/server/schemas/commitments";
import { zText } from "@/server/schemas/common";

// The commitments list: one keyset query in SQL (commitment-list.sql.ts), paged by a cursor that
// names its sort and direction.

/** A row of the list: the same shape as `commitmentSummarySelect`. */
type ListRow = Prisma.CommitmentGetPayload<{ select: typeof commitmentSummarySelect }>;

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

  const [rows, totalCount] = await Promise.all([
    db.$queryRaw<PageRow[]>(pageRowsSql(actor, spec, { filters, cursor, direction: input.direction, take: input.limit + 1 })),
    withCount ? db.$queryRaw<{ count: number }[]>(countSql(filters)).then(([row]) => row?.count ?? 0) : null,
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
