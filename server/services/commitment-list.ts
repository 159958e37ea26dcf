import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { commitmentScope, isFocalPoint, updateScope } from "@/server/services/access";
import { commitmentSummarySelect, isOverdue, startOfTodayUtc } from "@/server/services/commitments";
import { DomainError } from "@/server/services/errors";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { ZListCommitmentsInput } from "@/server/schemas/commitments";

type Cursor = { value: string | number | null; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.id !== "string") throw new Error("bad cursor");
    return parsed;
  } catch {
    throw new DomainError("BAD_REQUEST", "Invalid page cursor.");
  }
}

/** Commitments in scope with filters, keyset-paged by (reference, id). */
export async function listCommitments(actor: Actor, rawInput: TListCommitmentsInput) {
  const input = ZListCommitmentsInput.parse(rawInput);
  if (input.stateId && isFocalPoint(actor) && input.stateId !== actor.stateId) {
    return { items: [], nextCursor: null };
  }
  const today = startOfTodayUtc();
  const filters: Prisma.CommitmentWhereInput[] = [commitmentScope(actor)];
  if (input.stateId) filters.push({ stateId: input.stateId });
  if (input.sourceId) filters.push({ recommendation: { sourceId: input.sourceId } });
  if (input.recommendationId) filters.push({ recommendationId: input.recommendationId });
  if (input.statusKey) filters.push({ acceptedStatus: { key: input.statusKey } });
  if (input.themeKey) filters.push({ recommendation: { themes: { some: { key: input.themeKey } } } });
  if (input.overdue === true) filters.push({ dueDate: { lt: today }, acceptedAt: null });
  if (input.overdue === false) filters.push({ OR: [{ dueDate: null }, { dueDate: { gte: today } }, { acceptedAt: { not: null } }] });
  if (input.search) {
    filters.push({
      recommendation: {
        OR: [
          { reference: { contains: input.search, mode: "insensitive" } },
          { text: { contains: input.search, mode: "insensitive" } },
        ],
      },
    });
  }
  const cursor = decodeCursor(input.cursor);
  if (cursor) {
    const reference = String(cursor.value ?? "");
    filters.push({
      OR: [
        { recommendation: { reference: { gt: reference } } },
        { recommendation: { reference }, id: { gt: cursor.id } },
      ],
    });
  }

  const rows = await db.commitment.findMany({
    where: { AND: filters },
    orderBy: [{ recommendation: { reference: "asc" } }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      ...commitmentSummarySelect,
      updates: {
        where: { state: { in: ["DRAFT", "SUBMITTED"] }, ...updateScope(actor) },
        select: { state: true },
        take: 1,
      },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ updates, ...row }) => ({ ...row, overdue: isOverdue(row), openUpdateState: updates[0]?.state ?? null })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ value: last.recommendation.reference, id: last.id }) : null,
  };
}
