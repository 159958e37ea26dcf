import "server-only";
import type { Prisma } from "@/prisma/generated/client";
import { db, queryRows } from "@/server/db/client";
import type { Actor, UserActor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import { acceptUpdateSql } from "@/server/services/progress-updates/review.sql";
import { applyTransition, refusalOf } from "@/server/services/progress-updates/workflow";
import { presentReaderText, readerTextSelect } from "@/server/services/recommendations/reading";
import { presentSourceReference, sourceReferenceSelect } from "@/server/services/sources";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import type { TAcceptUpdateInput, TReturnUpdateInput } from "@/server/schemas/commitments";

// What the secretariat does with submitted updates: the review queue, accepting, returning.

function assertReviewer(actor: Actor): asserts actor is UserActor {
  if (!isSecretariat(actor)) throw new DomainError("FORBIDDEN", "access.reviewUpdates");
}

/**
 * Accepts a submitted update: the commitment's accepted status, progress and date take its
 * values. One statement on the normal path (version-checked update, the commitment with its
 * previous values locked and returned, the status history, both audit rows), atomic without a
 * transaction block; when it matches nothing, a second read says why. `acceptedAt` is now, except
 * for the demo history.
 */
export async function acceptUpdate(actor: Actor, input: TAcceptUpdateInput, acceptedAt = new Date()) {
  assertReviewer(actor);
  const [accepted] = await queryRows<{ id: string; version: number }>(acceptUpdateSql(actor, input, input.comment || null, acceptedAt));
  if (!accepted) throw await refusalOf(db, actor, "accept", input);
  return { id: accepted.id, reviewState: "ACCEPTED" as const, version: accepted.version };
}

/** Returns a submitted update to its State with a required comment. */
export async function returnUpdate(actor: Actor, input: TReturnUpdateInput) {
  assertReviewer(actor);
  return db.$transaction(async (tx) => {
    await applyTransition(tx, actor, "return", input, {
      reviewerId: actor.id,
      reviewedAt: new Date(),
      reviewComment: input.comment,
      updatedById: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "update.returned",
      entityType: "ProgressUpdate",
      entityId: input.updateId,
      before: { reviewState: "SUBMITTED" },
      after: { reviewState: "RETURNED", comment: input.comment },
    });
    return { id: input.updateId, reviewState: "RETURNED" as const, version: input.expectedVersion + 1 };
  });
}

/** Submitted updates waiting for review, oldest first, keyset-paged by (submittedAt, id). */
export async function listReviewQueue(
  actor: Actor,
  input: { stateId?: string; sourceId?: string; cursor?: string | null; limit: number },
  locale: Locale = DEFAULT_LOCALE,
) {
  assertReviewer(actor);
  const cursorRow = input.cursor
    ? await db.progressUpdate.findFirst({ where: { id: input.cursor, reviewState: "SUBMITTED" }, select: { id: true, submittedAt: true } })
    : null;
  const filters: Prisma.ProgressUpdateWhereInput[] = [{ reviewState: "SUBMITTED" }];
  if (input.stateId) filters.push({ commitment: { stateId: input.stateId } });
  if (input.sourceId) filters.push({ commitment: { recommendation: { sourceId: input.sourceId } } });
  if (cursorRow?.submittedAt) {
    filters.push({ OR: [{ submittedAt: { gt: cursorRow.submittedAt } }, { submittedAt: cursorRow.submittedAt, id: { gt: cursorRow.id } }] });
  }
  const rows = await db.progressUpdate.findMany({
    where: { AND: filters },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    select: {
      id: true,
      version: true,
      submittedAt: true,
      progress: true,
      narrative: true,
      status: { select: { key: true, label: true } },
      author: { select: { name: true } },
      commitment: {
        select: {
          id: true,
          state: { select: { id: true, name: true, iso2: true } },
          recommendation: { select: { reference: true, ...readerTextSelect(locale), source: { select: sourceReferenceSelect(locale) } } },
        },
      },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ author, commitment: { recommendation, ...commitment }, ...row }) => ({
      ...row,
      commitment: {
        ...commitment,
        recommendation: { ...presentReaderText(recommendation, locale), source: presentSourceReference(recommendation.source, locale) },
      },
      authorName: author.name,
    })),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
