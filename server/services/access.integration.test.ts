import { describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/client";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { commitmentScope, commitmentScopeSql, updateScope, updateScopeSql } from "@/server/services/access";
import { actorFor, createPublishedCommitments, createTestUser } from "@/server/test/factories";

// The commitments list reads through raw SQL, so two scope builders (Prisma and SQL) say the same
// thing for commitments and for updates. These tests check that they select the same rows for
// every kind of actor, on data where they could differ (another State, a recommendation taken
// back to draft, updates in every state).

async function createScopeWorld() {
  const published = await createPublishedCommitments(["AT", "IT"]);
  const withdrawn = await createPublishedCommitments(["AT", "IT"]);
  await db.recommendation.update({ where: { id: withdrawn.recommendation.id }, data: { publication: "DRAFT" } });
  const author = await createTestUser({ role: "ANALYST" });
  const status = published.statuses.planned!;
  const write = (commitmentId: string, reviewState: "DRAFT" | "SUBMITTED" | "ACCEPTED" | "RETURNED") =>
    db.progressUpdate.create({ data: { commitmentId, authorId: author.id, statusId: status.id, progress: 10, reviewState } });
  // At most one open (draft or submitted) update per commitment.
  for (const world of [published, withdrawn]) {
    await write(world.commitments.AT!.id, "DRAFT");
    await write(world.commitments.IT!.id, "SUBMITTED");
    for (const commitment of [world.commitments.AT!, world.commitments.IT!]) {
      await write(commitment.id, "ACCEPTED");
      await write(commitment.id, "RETURNED");
    }
  }
  const commitmentIds = [published, withdrawn].flatMap((world) => Object.values(world.commitments).map((commitment) => commitment.id));
  return { commitmentIds };
}

async function actors(): Promise<[string, Actor][]> {
  const admin = await actorFor((await createTestUser({ role: "ADMIN" })).id);
  const analyst = await actorFor((await createTestUser({ role: "ANALYST" })).id);
  const austria = await actorFor((await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" })).id);
  const italy = await actorFor((await createTestUser({ role: "FOCAL_POINT", stateIso2: "IT" })).id);
  return [
    ["admin", admin],
    ["analyst", analyst],
    ["focal point AT", austria],
    ["focal point IT", italy],
    // A focal point without a State (refused by the database, but the builders must not widen it).
    ["focal point without a State", { ...austria, stateId: null }],
    ["public", { kind: "public", requestId: null }],
  ];
}

describe("scope builders: SQL and Prisma agree", () => {
  it("select the same commitments for every kind of actor", async () => {
    const { commitmentIds } = await createScopeWorld();
    const sizes: Record<string, number> = {};
    for (const [name, actor] of await actors()) {
      const viaPrisma = await db.commitment.findMany({ where: { AND: [{ id: { in: commitmentIds } }, commitmentScope(actor)] }, select: { id: true } });
      const viaSql = await db.$queryRaw<{ id: string }[]>`
        SELECT c.id FROM "Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId"
        WHERE c.id IN (${Prisma.join(commitmentIds.map((id) => Prisma.sql`${id}::uuid`))}) AND ${commitmentScopeSql(actor)}`;
      expect(viaSql.map((row) => row.id).sort(), name).toEqual(viaPrisma.map((row) => row.id).sort());
      sizes[name] = viaSql.length;
    }
    // And they do restrict: all 4 for the secretariat, a State's 2, the 2 published for the public.
    expect(sizes).toEqual({ admin: 4, analyst: 4, "focal point AT": 2, "focal point IT": 2, "focal point without a State": 0, public: 2 });
  });

  it("select the same progress updates for every kind of actor", async () => {
    const { commitmentIds } = await createScopeWorld();
    const sizes: Record<string, number> = {};
    for (const [name, actor] of await actors()) {
      const viaPrisma = await db.progressUpdate.findMany({ where: { AND: [{ commitmentId: { in: commitmentIds } }, updateScope(actor)] }, select: { id: true } });
      const viaSql = await db.$queryRaw<{ id: string }[]>`
        SELECT pu.id FROM "ProgressUpdate" pu JOIN "Commitment" c ON c.id = pu."commitmentId" JOIN "Recommendation" r ON r.id = c."recommendationId"
        WHERE c.id IN (${Prisma.join(commitmentIds.map((id) => Prisma.sql`${id}::uuid`))}) AND ${updateScopeSql(actor)}`;
      expect(viaSql.map((row) => row.id).sort(), name).toEqual(viaPrisma.map((row) => row.id).sort());
      sizes[name] = viaSql.length;
    }
    // 12 updates: the secretariat sees all but the 2 drafts, a State its own 6, the public the
    // accepted ones of the published recommendation.
    expect(sizes).toEqual({ admin: 10, analyst: 10, "focal point AT": 6, "focal point IT": 6, "focal point without a State": 0, public: 2 });
  });
});
