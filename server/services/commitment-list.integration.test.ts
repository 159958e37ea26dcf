import { describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS } from "@/server/schemas/commitments";
import { addPublishedRecommendation, callerAs, callerFor, createPublishedCommitments, stateByIso2, uniqueSuffix } from "@/server/test/factories";
import { encodeCursor } from "@/server/services/core/cursor";

type World = Awaited<ReturnType<typeof createPublishedCommitments>>;
type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];
type Item = Awaited<ReturnType<Caller["commitments"]["list"]>>["items"][number];

const STATES = ["AT", "IT", "DE", "FR"];

/** Another recommendation of the world's source, with commitments for the given States. */
async function addRecommendation(
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
async function createSourceWorld() {
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
async function listAll(caller: Caller, input: TListCommitmentsInput) {
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

function compare(a: string | number, b: string | number) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The sort key of an item as the service orders it (ASCII test data, so JS and SQL agree). */
function keyOf(item: Item, sort: (typeof COMMITMENT_SORTS)[number]): string | number | null {
  if (sort === "reference") return item.recommendation.reference;
  if (sort === "state") return item.state.name;
  if (sort === "progress") return item.acceptedProgress;
  if (sort === "updated") return Date.parse(item.updatedAt);
  return item.dueDate ? Date.parse(item.dueDate) : null;
}

function expectOrdered(items: Item[], sort: (typeof COMMITMENT_SORTS)[number], direction: "asc" | "desc") {
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

describe("commitments.list: sorting and keyset paging", () => {
  it("visits every row exactly once, in order, for each sort, direction and page size", async () => {
    const { sourceId } = await createSourceWorld();
    const analyst = await callerFor("ANALYST");
    const all = await analyst.caller.commitments.list({ sourceId, limit: 100 });
    expect(all.items).toHaveLength(20);
    expect(all.totalCount).toBe(20);
    expect(all.nextCursor).toBeNull();
    const everyId = all.items.map((item) => item.id).sort();

    for (const sort of COMMITMENT_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        const onePage = (await analyst.caller.commitments.list({ sourceId, sort, direction, limit: 100 })).items;
        expectOrdered(onePage, sort, direction);
        for (const limit of [1, 3, 7]) {
          const pages = await listAll(analyst.caller, { sourceId, sort, direction, limit });
          expect(pages).toHaveLength(Math.ceil(20 / limit));
          for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
          const ids = pages.flat().map((item) => item.id);
          expect(ids, `${sort} ${direction} limit ${limit}`).toEqual(onePage.map((item) => item.id));
          expect([...ids].sort()).toEqual(everyId);
        }
      }
    }
  });

  it("sorts by reference (default), due date with nulls last, and progress", async () => {
    const { world, a, b, c, d, sourceId } = await createSourceWorld();
    const analyst = await callerFor("ANALYST");
    const p = world.recommendation.reference;

    const byReference = (await analyst.caller.commitments.list({ sourceId, limit: 100 })).items;
    expect([...new Set(byReference.map((item) => item.recommendation.reference))]).toEqual([p, `${p}-A`, `${p}-B`, `${p}-C`, `${p}-D`]);
    const byReferenceDesc = (await analyst.caller.commitments.list({ sourceId, direction: "desc", limit: 100 })).items;
    expect(byReferenceDesc[0]!.recommendation.reference).toBe(`${p}-D`);

    for (const direction of ["asc", "desc"] as const) {
      const byDue = (await analyst.caller.commitments.list({ sourceId, sort: "dueDate", direction, limit: 100 })).items;
      const noDueDate = new Set([...Object.values(b.ids), ...Object.values(d.ids)]);
      expect(byDue.slice(12).every((item) => noDueDate.has(item.id))).toBe(true);
      expect(byDue.slice(12).every((item) => item.dueDate === null)).toBe(true);
      const firstDue = direction === "asc" ? "2020-01-31" : "2031-06-30";
      expect(byDue[0]!.dueDate!).toBe(firstDue);
    }

    const byProgress = (await analyst.caller.commitments.list({ sourceId, sort: "progress", direction: "desc", limit: 3 })).items;
    expect(byProgress.map((item) => item.acceptedProgress)).toEqual([100, 40, 40]);
    expect(byProgress[0]!.id).toBe(a.ids.DE);
    expect(new Set(byProgress.slice(1).map((item) => item.id))).toEqual(new Set([b.ids.AT, b.ids.IT]));
    const byProgressAsc = (await analyst.caller.commitments.list({ sourceId, sort: "progress", limit: 100 })).items;
    expect(byProgressAsc.at(-1)!.id).toBe(a.ids.DE);
    expect(byProgressAsc.at(-4)!.id).toBe(c.ids.FR);

    const byState = (await analyst.caller.commitments.list({ sourceId, sort: "state", limit: 100 })).items;
    expect(byState.map((item) => item.state.iso2)).toEqual([...Array(5).fill("AT"), ...Array(5).fill("FR"), ...Array(5).fill("DE"), ...Array(5).fill("IT")]);

    // In Russian, by the Russian names (Австрия, Германия, Италия, Франция), also across pages.
    const { createCaller } = await import("@/server/api/root");
    const russian = createCaller({ actor: analyst.actor, requestId: null, locale: "ru" });
    const pages = await listAll(russian, { sourceId, sort: "state", limit: 3 });
    expect(pages.flat().map((item) => item.state.iso2)).toEqual([...Array(5).fill("AT"), ...Array(5).fill("DE"), ...Array(5).fill("IT"), ...Array(5).fill("FR")]);
    const backwards = await listAll(russian, { sourceId, sort: "state", direction: "desc", limit: 7 });
    expect(backwards.flat().map((item) => item.state.iso2)).toEqual([...Array(5).fill("FR"), ...Array(5).fill("IT"), ...Array(5).fill("DE"), ...Array(5).fill("AT")]);
  });

  it("refuses a tampered cursor, a cursor of another sort, and page sizes over 100", async () => {
    const { sourceId } = await createSourceWorld();
    const analyst = await callerFor("ANALYST");
    const first = await analyst.caller.commitments.list({ sourceId, sort: "dueDate", limit: 2 });
    expect(first.nextCursor).toEqual(expect.any(String));
    await expect(analyst.caller.commitments.list({ sourceId, sort: "progress", limit: 2, cursor: first.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.commitments.list({ sourceId, sort: "dueDate", direction: "desc", limit: 2, cursor: first.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.commitments.list({ sourceId, cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const forged = encodeCursor({ sort: "reference", direction: "asc", value: { $gt: "" }, id: "x' OR 1=1" });
    await expect(analyst.caller.commitments.list({ sourceId, cursor: forged })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const wrongType = encodeCursor({ sort: "progress", direction: "asc", value: "forty", id: crypto.randomUUID() });
    await expect(analyst.caller.commitments.list({ sourceId, sort: "progress", cursor: wrongType })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.commitments.list({ sourceId, limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(analyst.caller.commitments.list({ sourceId, sort: "random" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The default page is bounded too.
    expect((await analyst.caller.commitments.list({ sourceId })).items).toHaveLength(20);
  });
});

/**
 * Two sources with the same three references (references are unique only within a source), for
 * four States: 24 commitments, each reference shared by 8 of them (ties on the sort key across
 * recommendations, broken by the commitment id). Every reference starts with `tag`, so a search
 * for it finds exactly these.
 */
async function createTwinSources() {
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
async function expectedByReference(pattern: string, direction: "asc" | "desc", stateId?: string) {
  const order = direction === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const state = stateId ? Prisma.sql`AND c."stateId" = ${stateId}::uuid` : Prisma.empty;
  return db.$queryRaw<{ id: string; reference: string }[]>`
    SELECT c.id, r.reference FROM "Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId"
    WHERE r.reference LIKE ${`${pattern}%`} ${state}
    ORDER BY r.reference ${order}, c.id ${order}`;
}

/** A cursor as the list encodes it, for the row just before `row` (what the bench computes in SQL). */
function cursorAfter(row: { reference: string; id: string }, direction: "asc" | "desc" = "asc") {
  return encodeCursor({ sort: "reference", direction, value: row.reference, id: row.id });
}

describe("commitments.list: keyset paging by reference across equal references", () => {
  it("pages forward through ties in both directions, and a remembered cursor opens the same page again", async () => {
    const { tag } = await createTwinSources();
    const analyst = await callerFor("ANALYST");
    for (const direction of ["asc", "desc"] as const) {
      const expected = await expectedByReference(tag, direction);
      expect(expected).toHaveLength(24);
      const cursors: (string | undefined)[] = [undefined];
      const pages: Item[][] = [];
      for (;;) {
        const page = await analyst.caller.commitments.list({ search: tag, direction, limit: 5, cursor: cursors.at(-1) });
        pages.push(page.items);
        if (!page.nextCursor) break;
        cursors.push(page.nextCursor);
      }
      expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 4]);
      expect(pages.flat().map((item) => item.id), direction).toEqual(expected.map((row) => row.id));
      // A page boundary falls inside a group of 8 equal references: both sides keep their rows.
      expect(pages[0]!.at(-1)!.recommendation.reference).toBe(pages[1]![0]!.recommendation.reference);

      // "Previous page" is the cursor the reader came through: asked again, it gives the same rows.
      for (let index = cursors.length - 1; index >= 0; index--) {
        const again = await analyst.caller.commitments.list({ search: tag, direction, limit: 5, cursor: cursors[index] });
        expect(again.items.map((item) => item.id), `${direction} page ${index + 1} again`).toEqual(pages[index]!.map((item) => item.id));
      }
    }
  });

  it("keeps a page's rows when a commitment is added before it, and opens the last page from a cursor computed in SQL", async () => {
    const { tag, worlds } = await createTwinSources();
    const analyst = await callerFor("ANALYST");
    const before = await expectedByReference(tag, "asc");
    const thirdCursor = cursorAfter(before[9]!); // page 3: rows 11-15
    const third = await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: thirdCursor });
    expect(third.items.map((item) => item.id)).toEqual(before.slice(10, 15).map((row) => row.id));

    await addRecommendation(worlds[1]!, { reference: `${tag}-0`, text: "Sorts first", states: ["AT"] });
    const expected = await expectedByReference(tag, "asc");
    expect(expected).toHaveLength(25);
    expect(expected[0]!.reference).toBe(`${tag}-0`);
    // The cursor names a row, not an offset: the same rows come back (now rows 12-16).
    const thirdAgain = await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: thirdCursor });
    expect(thirdAgain.items.map((item) => item.id)).toEqual(third.items.map((item) => item.id));
    expect(expected.slice(11, 16).map((row) => row.id)).toEqual(third.items.map((item) => item.id));

    // The last page (25 rows, 5 a page: rows 21-25) from the row before it, as the bench computes it.
    const last = await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: cursorAfter(expected[19]!) });
    expect(last.items.map((item) => item.id)).toEqual(expected.slice(20).map((row) => row.id));
    expect(last.nextCursor).toBeNull();
    // Walking gets there too, and the page after the last row is empty.
    const walked = await listAll(analyst.caller, { search: tag, limit: 5 });
    expect(walked.at(-1)!.map((item) => item.id)).toEqual(expected.slice(20).map((row) => row.id));
    const beyond = await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: cursorAfter(expected.at(-1)!) });
    expect(beyond.items).toEqual([]);
    expect(beyond.nextCursor).toBeNull();
  });

  it("pages a search with its filters: only matching rows, every one once", async () => {
    const { tag, worlds, ids } = await createTwinSources();
    const analyst = await callerFor("ANALYST");
    // One of the two sources, by reference and by text, upper case (the search ignores case).
    const sourceId = worlds[0]!.source.id;
    const byReference = await listAll(analyst.caller, { search: tag.toUpperCase(), sourceId, limit: 4 });
    const expectedIds = ids.slice(0, 3).flatMap((byState) => Object.values(byState));
    expect(byReference.map((page) => page.length)).toEqual([4, 4, 4]);
    expect(new Set(byReference.flat().map((item) => item.id))).toEqual(new Set(expectedIds));
    expectOrdered(byReference.flat(), "reference", "asc");
    const byText = await listAll(analyst.caller, { search: "SHARED REFERENCE 2", sourceId, sort: "state", direction: "desc", limit: 3 });
    expect(byText.flat().map((item) => item.id)).toEqual(["IT", "DE", "FR", "AT"].map((iso2) => ids[1]![iso2]));
    expect(byText.flat().map((item) => item.state.iso2)).toEqual(["IT", "DE", "FR", "AT"]);
  });
});

describe("commitments.list: the count", () => {
  it("counts the first page only, unless a later page asks for it", async () => {
    const { tag } = await createTwinSources();
    const analyst = await callerFor("ANALYST");
    const austria = await callerFor("FOCAL_POINT", "AT");
    const first = await analyst.caller.commitments.list({ search: tag, limit: 5 });
    expect(first.totalCount).toBe(24);
    const second = await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.totalCount).toBeNull();
    // A page opened from a link (the server page does this) asks for the count.
    expect((await analyst.caller.commitments.list({ search: tag, limit: 5, cursor: first.nextCursor!, count: true })).totalCount).toBe(24);
    expect((await analyst.caller.commitments.list({ search: tag, limit: 5, count: false })).totalCount).toBeNull();
    // The count is the focal point's own, with or without a cursor.
    const own = await austria.caller.commitments.list({ search: tag, limit: 2 });
    expect(own.totalCount).toBe(6);
    expect((await austria.caller.commitments.list({ search: tag, limit: 2, cursor: own.nextCursor! })).totalCount).toBeNull();
    expect((await austria.caller.commitments.list({ search: tag, limit: 2, cursor: own.nextCursor!, count: true })).totalCount).toBe(6);
    // Another State asked for: nothing, counted as nothing on the first page.
    const italy = await stateByIso2("IT");
    expect(await austria.caller.commitments.list({ search: tag, stateId: italy.id })).toEqual({ items: [], nextCursor: null, totalCount: 0 });
    expect(await austria.caller.commitments.list({ search: tag, stateId: italy.id, cursor: own.nextCursor! })).toEqual({ items: [], nextCursor: null, totalCount: null });
  });
});

describe("commitments.list: filters and search", () => {
  it("filters by status, theme, overdue, State and recommendation, with the filtered count", async () => {
    const { world, a, b, c, sourceId } = await createSourceWorld();
    const analyst = await callerFor("ANALYST");
    const italy = await stateByIso2("IT");

    const inProgress = await analyst.caller.commitments.list({ sourceId, statusKey: "in_progress" });
    expect(new Set(inProgress.items.map((item) => item.id))).toEqual(new Set([b.ids.AT, b.ids.IT]));
    expect(inProgress.totalCount).toBe(2);
    expect(inProgress.items.every((item) => item.acceptedStatus.key === "in_progress")).toBe(true);

    const partnership = await analyst.caller.commitments.list({ sourceId, themeKey: "partnership" });
    expect(new Set(partnership.items.map((item) => item.id))).toEqual(new Set(Object.values(a.ids)));
    expect((await analyst.caller.commitments.list({ sourceId, themeKey: "children" })).totalCount).toBe(4);

    // Overdue: past due and never accepted (C-FR was accepted, so it is not overdue).
    const overdue = await analyst.caller.commitments.list({ sourceId, overdue: true, limit: 100 });
    const expectedOverdue = [...Object.values(world.commitments).map((commitment) => commitment.id), c.ids.AT, c.ids.IT, c.ids.DE];
    expect(new Set(overdue.items.map((item) => item.id))).toEqual(new Set(expectedOverdue));
    expect(overdue.items.every((item) => item.overdue)).toBe(true);
    const notOverdue = await analyst.caller.commitments.list({ sourceId, overdue: false, limit: 100 });
    expect(notOverdue.totalCount).toBe(20 - expectedOverdue.length);
    expect(notOverdue.items.map((item) => item.id)).toContain(c.ids.FR);
    expect(notOverdue.items.some((item) => item.overdue)).toBe(false);

    const italyOnly = await analyst.caller.commitments.list({ sourceId, stateId: italy.id, limit: 100 });
    expect(italyOnly.items).toHaveLength(5);
    expect(italyOnly.totalCount).toBe(5);
    expect(italyOnly.items.every((item) => item.state.iso2 === "IT")).toBe(true);

    const combined = await analyst.caller.commitments.list({ sourceId, stateId: italy.id, statusKey: "in_progress", sort: "dueDate" });
    expect(combined.items.map((item) => item.id)).toEqual([b.ids.IT]);

    const oneRecommendation = await analyst.caller.commitments.list({ recommendationId: a.recommendation.id });
    expect(oneRecommendation.items.map((item) => item.state.iso2).sort()).toEqual([...STATES].sort());
  });

  it("searches reference and text literally and case-insensitively: % _ and \\ are not wildcards", async () => {
    const { world, c, d, sourceId } = await createSourceWorld();
    const analyst = await callerFor("ANALYST");
    const search = async (text: string) => (await analyst.caller.commitments.list({ sourceId, search: text, limit: 100 })).items;
    const recommendationsOf = (items: Item[]) => [...new Set(items.map((item) => item.recommendation.id))];

    expect(recommendationsOf(await search("100%"))).toEqual([c.recommendation.id]);
    expect(await search("%")).toHaveLength(4); // only the text that really has a percent sign
    expect(await search("1_00")).toEqual([]);
    expect(recommendationsOf(await search("child_rights"))).toEqual([d.recommendation.id]);
    expect(await search("child_protection")).toEqual([]); // "_" does not match the space
    expect(recommendationsOf(await search("c:\\PATH"))).toEqual([d.recommendation.id]);
    expect(await search("\\")).toHaveLength(4);
    expect(recommendationsOf(await search("GUARDIANSHIP"))).toEqual([c.recommendation.id]);
    expect(recommendationsOf(await search(`${world.recommendation.reference}-c`))).toEqual([c.recommendation.id]);
    expect(await search("'; DROP TABLE \"Commitment\"; --")).toEqual([]);
    // Blank search is no search.
    expect(await search("   ")).toHaveLength(20);
    expect(await db.commitment.count({ where: { recommendation: { sourceId } } })).toBe(20);
  });
});

describe("commitments.list: scope", () => {
  it("shows a focal point only their own State, on every page and with any filter", async () => {
    const { sourceId } = await createSourceWorld();
    const austria = await callerFor("FOCAL_POINT", "AT");
    const italy = await stateByIso2("IT");

    const pages = await listAll(austria.caller, { sourceId, limit: 2, sort: "dueDate" });
    const items = pages.flat();
    expect(items).toHaveLength(5);
    expect(items.every((item) => item.state.iso2 === "AT")).toBe(true);
    expect((await austria.caller.commitments.list({ sourceId })).totalCount).toBe(5);

    // Asking for another State gives nothing, not an error that would confirm what exists.
    const other = await austria.caller.commitments.list({ sourceId, stateId: italy.id });
    expect(other).toEqual({ items: [], nextCursor: null, totalCount: 0 });
    const own = await austria.caller.commitments.list({ sourceId, stateId: austria.user.stateId! });
    expect(own.totalCount).toBe(5);
  });

  it("never shows a focal point another State's row: any sort, direction, search or cursor", async () => {
    const { tag, ids } = await createTwinSources();
    const austria = await callerFor("FOCAL_POINT", "AT");
    const ownIds = new Set(ids.map((byState) => byState.AT!));
    for (const sort of COMMITMENT_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        const pages = await listAll(austria.caller, { search: tag, sort, direction, limit: 2 });
        expect(pages).toHaveLength(3);
        expect(new Set(pages.flat().map((item) => item.id)), `${sort} ${direction}`).toEqual(ownIds);
      }
    }
    expect((await austria.caller.commitments.list({ search: tag })).totalCount).toBe(6);

    // A cursor made from another State's row (the first Italian one) pages Austria's rows only.
    const italian = (await expectedByReference(tag, "asc")).find((row) => Object.values(ids).some((byState) => byState.IT === row.id))!;
    const fromItaly = await austria.caller.commitments.list({ search: tag, limit: 100, cursor: cursorAfter(italian) });
    expect(fromItaly.items.length).toBeGreaterThan(0);
    expect(fromItaly.items.every((item) => item.state.iso2 === "AT" && ownIds.has(item.id))).toBe(true);
    // Whatever is asked for, an analyst sees all 24 and the focal point of Italy only Italy's.
    const italy = await callerFor("FOCAL_POINT", "IT");
    const italian6 = (await listAll(italy.caller, { search: tag, limit: 4 })).flat();
    expect(italian6.map((item) => item.id).sort()).toEqual(ids.map((byState) => byState.IT!).sort());
    expect((await (await callerFor("ANALYST")).caller.commitments.list({ search: tag, limit: 100 })).items).toHaveLength(24);
  });

  it("shows the open update to the State always, and to the secretariat only once submitted; hides drafts' recommendations from the public", async () => {
    const world = await createPublishedCommitments(["AT", "IT"]);
    const austria = await callerFor("FOCAL_POINT", "AT");
    const analyst = await callerFor("ANALYST");
    const publicCaller = await callerAs("public");
    const commitmentId = world.commitments.AT!.id;
    const content = { statusId: world.statuses.planned!.id, progress: 10, narrative: "Planned.", evidence: [] };

    await austria.caller.commitments.saveDraft({ commitmentId, content });
    const recommendationId = world.recommendation.id;
    expect((await austria.caller.commitments.list({ recommendationId })).items.map((item) => item.openUpdateReviewState)).toEqual(["DRAFT"]);
    const analystView = await analyst.caller.commitments.list({ recommendationId, sort: "state" });
    expect(analystView.items.map((item) => [item.state.iso2, item.openUpdateReviewState])).toEqual([["AT", null], ["IT", null]]);

    const draft = await db.progressUpdate.findFirstOrThrow({ where: { commitmentId } });
    await austria.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: draft.version });
    const afterSubmit = await analyst.caller.commitments.list({ recommendationId, sort: "state" });
    expect(afterSubmit.items.map((item) => item.openUpdateReviewState)).toEqual(["SUBMITTED", null]);

    expect((await publicCaller.commitments.list({ recommendationId })).totalCount).toBe(2);
    await db.recommendation.update({ where: { id: recommendationId }, data: { publication: "DRAFT" } });
    expect(await publicCaller.commitments.list({ recommendationId })).toEqual({ items: [], nextCursor: null, totalCount: 0 });
    expect((await analyst.caller.commitments.list({ recommendationId })).totalCount).toBe(2);
  });

  it("shows an update returned by the secretariat as RETURNED until the State opens a new one, and filters by it", async () => {
    const world = await createPublishedCommitments(["AT", "IT"]);
    const austria = await callerFor("FOCAL_POINT", "AT");
    const analyst = await callerFor("ANALYST");
    const recommendationId = world.recommendation.id;
    const commitmentId = world.commitments.AT!.id;
    const content = { statusId: world.statuses.planned!.id, progress: 10, narrative: "Planned.", evidence: [] };
    const states = async (input: TListCommitmentsInput = {}) =>
      (await austria.caller.commitments.list({ recommendationId, ...input })).items.map((item) => item.openUpdateReviewState);

    const first = await austria.caller.commitments.saveAndSubmit({ commitmentId, content });
    await analyst.caller.review.return({ updateId: first.id, expectedVersion: first.version, comment: "Attach the law." });
    expect(await states()).toEqual(["RETURNED"]);
    expect(await states({ openUpdate: "RETURNED" })).toEqual(["RETURNED"]);
    expect(await states({ openUpdate: "DRAFT" })).toEqual([]);
    const analystView = await analyst.caller.commitments.list({ recommendationId, sort: "state", openUpdate: "RETURNED" });
    expect(analystView.items.map((item) => [item.state.iso2, item.openUpdateReviewState])).toEqual([["AT", "RETURNED"]]);

    // A revised draft is the open update again; once accepted, nothing is open.
    const revised = await austria.caller.commitments.saveDraft({ commitmentId, content: { ...content, narrative: "Law attached." } });
    expect(await states()).toEqual(["DRAFT"]);
    expect(await states({ openUpdate: "RETURNED" })).toEqual([]);
    const submitted = await austria.caller.commitments.submitUpdate({ updateId: revised.id, expectedVersion: revised.version });
    await analyst.caller.review.accept({ updateId: submitted.id, expectedVersion: submitted.version });
    expect(await states()).toEqual([null]);
    expect(await states({ openUpdate: "RETURNED" })).toEqual([]);
  });

  it("gives an analyst any State with a State filter, including Partners", async () => {
    const world = await createPublishedCommitments(["IT", "DE", "JP"]);
    const analyst = await callerFor("ANALYST");
    const japan = await stateByIso2("JP");
    const list = await analyst.caller.commitments.list({ recommendationId: world.recommendation.id, stateId: japan.id });
    expect(list.items.map((item) => item.state.iso2)).toEqual(["JP"]);
    const all = await analyst.caller.commitments.list({ recommendationId: world.recommendation.id, sort: "state", direction: "desc" });
    expect(all.items.map((item) => item.state.iso2)).toEqual(["JP", "IT", "DE"]);
  });
});
