import { describe, expect, it } from "vitest";
import { COMMITMENT_SORTS } from "@/server/schemas/commitments";
import { callerFor, stateByIso2 } from "@/server/test/factories";
import { encodeCursor } from "@/server/services/core/cursor";
import { Item, addRecommendation, createSourceWorld, listAll, expectOrdered, createTwinSources, expectedByReference, cursorAfter } from "@/server/test/worlds/commitment-list";

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
