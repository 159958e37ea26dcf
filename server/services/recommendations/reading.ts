import "server-only";
import { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { recommendationScope } from "@/server/services/access";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import { escapeLike } from "@/server/services/core/text-search";
import { DomainError } from "@/server/services/errors";
import { validationMessage } from "@/server/shared/message-keys";
import { themeSelect, themesOf, withThemes } from "@/server/services/recommendations/themes";
import { scaleStatusSelect } from "@/server/services/scales";
import { REFERENCE_MAX } from "@/server/schemas/recommendations";
import { zText } from "@/server/schemas/common";
import type { TGetRecommendationInput, TListRecommendationsInput } from "@/server/schemas/recommendations";

// Reading recommendations: the list (keyset-paged by reference) and one recommendation, in the
// actor's scope (the public and focal points see published ones only).

export const recommendationSummarySelect = {
  id: true,
  reference: true,
  text: true,
  publication: true,
  addressAllParticipating: true,
  dueDate: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  source: { select: { id: true, title: true, kind: true, date: true } },
  themes: themesOf(themeSelect),
  _count: { select: { commitments: true, addressees: true } },
} as const;

export const recommendationDetailSelect = {
  ...recommendationSummarySelect,
  addressees: {
    select: { state: { select: { id: true, name: true, iso2: true, kind: true } } },
    orderBy: { state: { name: "asc" } },
  },
  scale: { select: { id: true, name: true, statuses: { select: scaleStatusSelect, orderBy: { position: "asc" } } } },
} as const;

const ZCursor = z.strictObject({ r: zText(REFERENCE_MAX), i: z.uuid() });

/** The cursor carries the last row's sort key itself, so it never looks up a row out of scope. */
function readCursor(cursor: string) {
  const after = decodeCursor(cursor, ZCursor);
  if (!after) throw new DomainError("BAD_REQUEST", "recommendations.invalidCursor", { fieldErrors: { cursor: [validationMessage("recommendations.invalidCursor")] } });
  return after;
}

export async function listRecommendations(actor: Actor, input: TListRecommendationsInput) {
  const limit = input?.limit ?? 50;
  const filters: Prisma.RecommendationWhereInput[] = [recommendationScope(actor)];
  if (input?.sourceId) filters.push({ sourceId: input.sourceId });
  if (input?.publication) filters.push({ publication: input.publication });
  if (input?.themeKey) filters.push({ themes: { some: { theme: { key: input.themeKey } } } });
  if (input?.search) {
    filters.push({
      OR: [
        { reference: { contains: escapeLike(input.search), mode: "insensitive" } },
        { text: { contains: escapeLike(input.search), mode: "insensitive" } },
      ],
    });
  }
  if (input?.cursor) {
    const after = readCursor(input.cursor);
    filters.push({ OR: [{ reference: { gt: after.r } }, { reference: after.r, id: { gt: after.i } }] });
  }
  const rows = await db.recommendation.findMany({
    where: { AND: filters },
    orderBy: [{ reference: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: recommendationSummarySelect,
  });
  const items = rows.slice(0, limit).map(withThemes);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ r: last.reference, i: last.id }) : null };
}

export async function getRecommendation(actor: Actor, input: TGetRecommendationInput) {
  const recommendation = await db.recommendation.findFirst({
    where: { AND: [{ id: input.id }, recommendationScope(actor)] },
    select: recommendationDetailSelect,
  });
  if (!recommendation) throw new DomainError("NOT_FOUND", "notFound.recommendation");
  return withThemes(recommendation);
}
