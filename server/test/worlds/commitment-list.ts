import { expect } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS } from "@/server/schemas/commitments";
import { addPublishedRecommendation, callerFor, createPublishedCommitments, uniqueSuffix } from "@/server/test/factories";
import { encodeCursor } from "@/server/services/core/cursor";

export type World = Awaited<ReturnType<typeof createPublishedCommitments>>;
export type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];
export type Item = Awaited<ReturnType<Caller["commitments"]["list"]>>["items"][number];

export const STATES = ["AT", "IT", "DE", "FR"];

/** Another recommendation of the world's source, with commitments for the given States. */
export async function addRecommendation(
  world: World,
  options: { reference: string; text: string; themeKeys?: string[]; dueDate?: Date | null; states?: string[] },
) {
  const { states = STATES, themeKeys = ["prevention"], dueDate = new Date("2031-06-30T00:00:00Z"), ...rest } = options;
  const { recommendation, commitments } = await addPublishedRecommendation(world, states, { ...rest, themeKeys, dueDate });
  const ids = Object.fromEntries(Object.entries(commitments).map(([iso2, commitment]) => [iso2, commitment.id]));
  return { recommendation, ids };
}

/**
 * One source with five recommendations for four States (20 commitments), with ties on every
 * sort key, due dates in the past, the future and none, and several progress values.
 */
export async function createSourceWorld() {
  const world = await createPublishedCommitments(STATES, { dueDate: new Date("2020-01-31T00:00:00Z") });
  const p = world.recommendation.reference; // "T-xxxxxxxxxx", unique
  const b = await addRecommendation(world, { reference: `${p}-B`, text: "Child protection systems for large influxes", dueDate: null });
  const a = await addRecommendation(world, { reference: `${p}-A`, text: "Regional multi-stakeholder response", themeKeys: ["partnership"] });
  const c = await addRecommendation(world, { reference: `${p}-C`, text: "Guardianship for 100% of unaccompanied children", dueDate: new Date("2020-01-31T00:00:00Z") });
  const d = await addRecommendation(world, { reference: `${p}-D`, text: "Training of 1000 border officials on child_rights and C:\\path notes", dueDate: null });
  // Progress values with ties: set directly (the review workflow is tested elsewhere).
  const statuses = world.statuses;
  await db.commitment.update({ where: { id: b.ids.AT! }, data: { acceptedStatusId: statuses.in_progress!.id, acceptedProgress: 40 } });
  await db.commitment.update({ where: { id: b.ids.IT! }, data: { acceptedStatusId: statuses.in_progress!.id, acceptedProgress: 40 } });
  await db.commitment.update({ where: { id: a.ids.DE! }, data: { acceptedStatusId: statuses.implemented!.id, acceptedProgress: 100 } });
  await db.commitment.update({ where: { id: c.ids.FR! }, data: { acceptedStatusId: statuses.planned!.id, acceptedProgress: 10, acceptedAt: new Date() } });
  return { world, a, b, c, d, sourceId: world.source.id };
}

/** Every page of a list, following nextCursor; fails on a loop. */
export async function listAll(caller: Caller, input: TListCommitmentsInput) {
  const pages: Item[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await caller.commitments.list({ ...input, cursor });
    pages.push(page.items);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

export function compare(a: string | number, b: string | number) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The sort key of an item as the service orders it (ASCII test data, so JS and SQL agree). */
export function keyOf(item: Item, sort: (typeof COMMITMENT_SORTS)[number]): string | number | null {
  if (sort === "reference") return item.recommendation.reference;
  if (sort === "state") return item.state.name;
  if (sort === "progress") return item.acceptedProgress;
  if (sort === "updated") return Date.parse(item.updatedAt);
  return item.dueDate ? Date.parse(item.dueDate) : null;
}

export function expectOrdered(items: Item[], sort: (typeof COMMITMENT_SORTS)[number], direction: "asc" | "desc") {
  const sign = direction === "asc" ? 1 : -1;
  for (let index = 1; index < items.length; index++) {
    const before = items[index - 1]!;
    const after = items[index]!;
    const [x, y] = [keyOf(before, sort), keyOf(after, sort)];
    // Nulls last in both directions.
    if (x === null) {
      expect(y).toBeNull();
    } else if (y !== null) {
      const order = compare(x, y) * sign || compare(before.id, after.id) * sign;
      expect(order, `${sort} ${direction} at ${index}`).toBe(-1);
    }
    if (x === null && y === null) expect(compare(before.id, after.id) * sign).toBe(-1);
  }
}

/**
 * Two sources with the same three references (references are unique only within a source), for
 * four States: 24 commitments, each reference shared by 8 of them (ties on the sort key across
 * recommendations, broken by the commitment id). Every reference starts with `tag`, so a search
 * for it finds exactly these.
 */
export async function createTwinSources() {
  const tag = `TW${uniqueSuffix()}`;
  const worlds = [await createPublishedCommitments(STATES), await createPublishedCommitments(STATES)];
  const ids: Record<string, string>[] = [];
  for (const world of worlds) {
    for (const suffix of ["1", "2", "3"]) {
      ids.push((await addRecommendation(world, { reference: `${tag}-${suffix}`, text: `Shared reference ${suffix}` })).ids);
    }
  }
  return { tag, worlds, ids };
}

/** The commitments a search for `pattern` must list, in the list's order by reference (as SQL orders them). */
export async function expectedByReference(pattern: string, direction: "asc" | "desc", stateId?: string) {
  const order = direction === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const state = stateId ? Prisma.sql`AND c."stateId" = ${stateId}::uuid` : Prisma.empty;
  return db.$queryRaw<{ id: string; reference: string }[]>`
    SELECT c.id, r.reference FROM "Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId"
    WHERE r.reference LIKE ${`${pattern}%`} ${state}
    ORDER BY r.reference ${order}, c.id ${order}`;
}

/** A cursor as the list encodes it, for the row just before `row` (what the bench computes in SQL). */
export function cursorAfter(row: { reference: string; id: string }, direction: "asc" | "desc" = "asc") {
  return encodeCursor({ sort: "reference", direction, value: row.reference, id: row.id });
}
