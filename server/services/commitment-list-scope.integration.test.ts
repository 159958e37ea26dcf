import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { COMMITMENT_SORTS } from "@/server/schemas/commitments";
import { callerAs, callerFor, createPublishedCommitments, stateByIso2 } from "@/server/test/factories";
import { Item, STATES, createSourceWorld, listAll, createTwinSources, expectedByReference, cursorAfter } from "@/server/test/worlds/commitment-list";

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
