import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { commitmentScope, isFocalPoint, updateScope } from "@/server/services/access";
import { commitmentSummarySelect, isOverdue, startOfTodayUtc } from "@/server/services/commitments";
import { DomainError } from "@/server/services/errors";
import { escapeLike } from "@/server/services/sources";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS, ZListCommitmentsInput } from "@/server/schemas/commitments";

type Sort = (typeof COMMITMENT_SORTS)[number];
type Direction = "asc" | "desc";
type SortValue = string | number | null;

type ListRow = Prisma.CommitmentGetPayload<{ select: typeof commitmentSummarySelect }>;

/**
 * One sort order: how to order, which value of a row a cursor remembers, and the condition for
 * "after this row" in that order. Ties are broken by id in the same direction, so the order is
 * total and every row is on exactly one page.
 */
type SortSpec = {
  orderBy: (direction: Direction) => Prisma.CommitmentOrderByWithRelationInput[];
  valueOf: (row: ListRow) => SortValue;
  after: (value: SortValue, id: string, direction: Direction) => Prisma.CommitmentWhereInput;
};

/** Strictly after `value` in this direction. */
function beyond<T>(value: T, direction: Direction): { gt: T } | { lt: T } {
  return direction === "asc" ? { gt: value } : { lt: value };
}

/** Keyset condition for a non-null column: (value, id) strictly after the cursor's. */
function afterRow(
  beyondValue: Prisma.CommitmentWhereInput,
  sameValue: Prisma.CommitmentWhereInput,
  id: string,
  direction: Direction,
): Prisma.CommitmentWhereInput {
  return { OR: [beyondValue, { AND: [sameValue, { id: beyond(id, direction) }] }] };
}

function requireString(value: SortValue): string {
  if (typeof value !== "string") throw invalidCursor();
  return value;
}

function requireNumber(value: SortValue): number {
  if (typeof value !== "number") throw invalidCursor();
  return value;
}

function requireDate(value: SortValue): Date {
  const date = new Date(requireString(value));
  if (Number.isNaN(date.getTime())) throw invalidCursor();
  return date;
}

const SORTS: Record<Sort, SortSpec> = {
  reference: {
    orderBy: (direction) => [{ recommendation: { reference: direction } }, { id: direction }],
    valueOf: (row) => row.recommendation.reference,
    after: (value, id, direction) => {
      const reference = requireString(value);
      return afterRow({ recommendation: { reference: beyond(reference, direction) } }, { recommendation: { reference } }, id, direction);
    },
  },
  state: {
    orderBy: (direction) => [{ state: { name: direction } }, { id: direction }],
    valueOf: (row) => row.state.name,
    after: (value, id, direction) => {
      const name = requireString(value);
      return afterRow({ state: { name: beyond(name, direction) } }, { state: { name } }, id, direction);
    },
  },
  progress: {
    orderBy: (direction) => [{ acceptedProgress: direction }, { id: direction }],
    valueOf: (row) => row.acceptedProgress,
    after: (value, id, direction) => {
      const acceptedProgress = requireNumber(value);
      return afterRow({ acceptedProgress: beyond(acceptedProgress, direction) }, { acceptedProgress }, id, direction);
    },
  },
  updated: {
    orderBy: (direction) => [{ updatedAt: direction }, { id: direction }],
    valueOf: (row) => row.updatedAt.toISOString(),
    after: (value, id, direction) => {
      const updatedAt = requireDate(value);
      return afterRow({ updatedAt: beyond(updatedAt, direction) }, { updatedAt }, id, direction);
    },
  },
  // Commitments without a due date come last in both directions: they are never "due soonest"
  // nor "due latest".
  dueDate: {
    orderBy: (direction) => [{ dueDate: { sort: direction, nulls: "last" } }, { id: direction }],
    valueOf: (row) => row.dueDate?.toISOString() ?? null,
    after: (value, id, direction) => {
      if (value === null) return { dueDate: null, id: beyond(id, direction) };
      const dueDate = requireDate(value);
      return { OR: [afterRow({ dueDate: beyond(dueDate, direction) }, { dueDate }, id, direction), { dueDate: null }] };
    },
  },
};

// The cursor names its sort and direction, so a cursor of one order can never page another.
const ZCursor = z.strictObject({
  sort: z.enum(COMMITMENT_SORTS),
  direction: z.enum(["asc", "desc"]),
  value: z.union([z.string().max(300), z.number().int(), z.null()]),
  id: z.uuid(),
});
type Cursor = z.infer<typeof ZCursor>;

function invalidCursor() {
  return new DomainError("BAD_REQUEST", "This page link is no longer valid. Start again from the first page.");
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined, sort: Sort, direction: Direction): Cursor | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const cursor = ZCursor.safeParse(parsed);
  if (!cursor.success || cursor.data.sort !== sort || cursor.data.direction !== direction) throw invalidCursor();
  return cursor.data;
}

function filtersFor(actor: Actor, input: z.output<typeof ZListCommitmentsInput>): Prisma.CommitmentWhereInput[] {
  const today = startOfTodayUtc();
  const filters: Prisma.CommitmentWhereInput[] = [commitmentScope(actor)];
  if (input.stateId) filters.push({ stateId: input.stateId });
  if (input.sourceId) filters.push({ recommendation: { sourceId: input.sourceId } });
  if (input.recommendationId) filters.push({ recommendationId: input.recommendationId });
  if (input.statusKey) filters.push({ acceptedStatus: { key: input.statusKey } });
  if (input.themeKey) filters.push({ recommendation: { themes: { some: { key: input.themeKey } } } });
  if (input.overdue === true) filters.push({ dueDate: { lt: today }, acceptedAt: null });
  if (input.overdue === false) filters.push({ OR: [{ dueDate: null }, { dueDate: { gte: today } }, { acceptedAt: { not: null } }] });
  const search = input.search?.trim();
  if (search) {
    // Prisma's `contains` passes % and _ through as wildcards: search literally.
    const pattern = escapeLike(search);
    filters.push({
      recommendation: {
        OR: [
          { reference: { contains: pattern, mode: "insensitive" } },
          { text: { contains: pattern, mode: "insensitive" } },
        ],
      },
    });
  }
  return filters;
}

/**
 * Commitments in the actor's scope with filters, keyset-paged in the chosen order (at most 100
 * a page), with the count of the whole filtered set.
 */
export async function listCommitments(actor: Actor, rawInput: TListCommitmentsInput) {
  const input = ZListCommitmentsInput.parse(rawInput);
  const spec = SORTS[input.sort];
  const cursor = decodeCursor(input.cursor, input.sort, input.direction);
  if (input.stateId && isFocalPoint(actor) && input.stateId !== actor.stateId) {
    return { items: [], nextCursor: null, totalCount: 0 };
  }
  const filters = filtersFor(actor, input);
  const pageFilters = cursor ? [...filters, spec.after(cursor.value, cursor.id, input.direction)] : filters;

  const [rows, totalCount] = await Promise.all([
    db.commitment.findMany({
      where: { AND: pageFilters },
      orderBy: spec.orderBy(input.direction),
      take: input.limit + 1,
      select: {
        ...commitmentSummarySelect,
        updates: {
          where: { AND: [{ state: { in: ["DRAFT", "SUBMITTED"] } }, updateScope(actor)] },
          select: { state: true },
          take: 1,
        },
      },
    }),
    db.commitment.count({ where: { AND: filters } }),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ sort: input.sort, direction: input.direction, value: spec.valueOf(last), id: last.id })
      : null;
  return {
    items: page.map(({ updates, ...row }) => ({ ...row, overdue: isOverdue(row), openUpdateState: updates[0]?.state ?? null })),
    nextCursor,
    totalCount,
  };
}
