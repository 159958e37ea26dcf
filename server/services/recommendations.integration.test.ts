import { systemActor } from "@/server/services/core/system-actor";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { stateByIso2, uniqueSuffix } from "@/server/test/factories";
import { setUpRecommendationsWorld, admin, analyst, createDraft, commitmentsOf, firstDefaultStatus } from "@/server/test/worlds/recommendations";

setUpRecommendationsWorld();

describe("publishing fans out one commitment per addressed State", () => {
  it("creates 57 commitments for all participating States and none for Partners unless chosen", async () => {
    const draft = await createDraft();
    const result = await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    expect(result).toEqual({ created: 57, total: 57 });

    const commitments = await commitmentsOf(draft.id);
    expect(commitments).toHaveLength(57);
    expect(commitments.every((c) => c.state.kind === "PARTICIPATING" && !c.voluntary)).toBe(true);
    const first = await firstDefaultStatus();
    expect(first.key).toBe("not_started");
    expect(commitments.every((c) => c.acceptedStatusId === first.id && c.acceptedProgress === first.defaultProgress)).toBe(true);
    expect(commitments.every((c) => c.dueDate?.toISOString() === "2027-12-31T00:00:00.000Z")).toBe(true);

    const published = await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(published.publication).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    expect(published.version).toBe(draft.version + 1);

    const audit = await db.auditEvent.findMany({ where: { entityType: "Recommendation", entityId: draft.id, action: "recommendation.published" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorEmail).toBe(analyst.user.email);
    expect((audit[0]?.after as { created: number; stateIds: string[] }).created).toBe(57);
    expect((audit[0]?.after as { stateIds: string[] }).stateIds).toHaveLength(57);
    const perCommitment = await db.auditEvent.findMany({
      where: { action: "commitment.created", entityId: { in: commitments.map((c) => c.id) } },
    });
    expect(perCommitment).toHaveLength(57);
    expect(perCommitment.every((event) => event.actorId === analyst.user.id && event.actorRole === "ANALYST")).toBe(true);
  });

  it("gives each new commitment its initial status change at the publication time", async () => {
    const draft = await createDraft();
    await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    const published = await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } });
    const first = await firstDefaultStatus();
    const changes = await db.commitmentStatusChange.findMany({ where: { commitment: { recommendationId: draft.id } } });
    expect(changes).toHaveLength(57);
    expect(new Set(changes.map((c) => c.commitmentId)).size).toBe(57);
    for (const change of changes) {
      expect(change).toMatchObject({ statusId: first.id, progress: first.defaultProgress, updateId: null, changedById: analyst.user.id });
      expect(change.effectiveAt.toISOString()).toBe(published.publishedAt?.toISOString());
    }
  });

  it("adds chosen Partners as voluntary commitments beside all participating States", async () => {
    const partner = await stateByIso2("JP");
    expect(partner.kind).toBe("PARTNER");
    const draft = await createDraft({ addresseeStateIds: [partner.id] });
    const result = await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    expect(result).toEqual({ created: 58, total: 58 });
    const commitments = await commitmentsOf(draft.id);
    const voluntary = commitments.filter((c) => c.voluntary);
    expect(voluntary.map((c) => c.stateId)).toEqual([partner.id]);
  });

  it("addresses exactly the chosen States when not all participating States", async () => {
    const chosen = await Promise.all(["AT", "IT", "MA"].map(stateByIso2));
    const draft = await createDraft({ addressAllParticipating: false, addresseeStateIds: chosen.map((s) => s.id) });
    const result = await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    expect(result).toEqual({ created: 3, total: 3 });
    const commitments = await commitmentsOf(draft.id);
    expect(commitments.map((c) => c.state.iso2).sort()).toEqual(["AT", "IT", "MA"]);
    expect(commitments.find((c) => c.state.iso2 === "MA")?.voluntary).toBe(true);
    expect(commitments.filter((c) => c.voluntary)).toHaveLength(1);
  });

  it("creates nothing new when published twice", async () => {
    const draft = await createDraft({ addressAllParticipating: false, addresseeStateIds: [(await stateByIso2("FR")).id] });
    expect(await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version })).toEqual({ created: 1, total: 1 });
    expect(await admin.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version })).toEqual({ created: 0, total: 1 });
    expect(await admin.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version + 1 })).toEqual({ created: 0, total: 1 });
    expect(await db.commitment.count({ where: { recommendationId: draft.id } })).toBe(1);
    expect(await db.commitmentStatusChange.count({ where: { commitment: { recommendationId: draft.id } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "recommendation.published" } })).toBe(1);
  });

  it("is callable by the system (null actor) for the demo seed", async () => {
    const { publishRecommendation } = await import("@/server/services/recommendations/publishing");
    const draft = await createDraft({ addressAllParticipating: false, addresseeStateIds: [(await stateByIso2("DE")).id] });
    expect(await publishRecommendation(systemActor("test"), { recommendationId: draft.id, expectedVersion: draft.version })).toEqual({ created: 1, total: 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: draft.id, action: "recommendation.published" } });
    expect(event.actorRole).toBe("SYSTEM");
    const change = await db.commitmentStatusChange.findFirstOrThrow({ where: { commitment: { recommendationId: draft.id } } });
    expect(change.changedById).toBeNull();
  });

  it("refuses a stale version of a draft with CONFLICT and publishes nothing", async () => {
    const draft = await createDraft();
    const edited = await analyst.caller.recommendations.update({ id: draft.id, expectedVersion: draft.version, text: "Edited text." });
    await expect(
      admin.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { conflict: { changedBy: analyst.user.name } } } });
    expect(await db.commitment.count({ where: { recommendationId: draft.id } })).toBe(0);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(edited.version);
  });

  it("is one transaction: when a commitment insert fails, the recommendation stays DRAFT with no commitments", async () => {
    // The trigger only fires for recommendations whose reference carries this test's marker,
    // so other test files publishing at the same time are unaffected.
    const marker = `FAILPUB-${uniqueSuffix()}`;
    const draft = await createDraft({ reference: `${marker}-01` });
    await db.$executeRaw`
      CREATE OR REPLACE FUNCTION test_fail_marked_commitment_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "Recommendation" r WHERE r."id" = NEW."recommendationId" AND r."reference" LIKE 'FAILPUB-%') THEN
          RAISE EXCEPTION 'test: commitment insert refused';
        END IF;
        RETURN NEW;
      END;
      $$`;
    await db.$executeRaw`
      CREATE TRIGGER "test_fail_marked_commitment_insert" BEFORE INSERT ON "Commitment"
      FOR EACH ROW EXECUTE FUNCTION test_fail_marked_commitment_insert()`;
    try {
      await expect(
        analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version }),
      ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await db.$executeRaw`DROP TRIGGER IF EXISTS "test_fail_marked_commitment_insert" ON "Commitment"`;
      await db.$executeRaw`DROP FUNCTION IF EXISTS test_fail_marked_commitment_insert()`;
    }
    const after = await db.recommendation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ publication: "DRAFT", publishedAt: null, version: draft.version });
    expect(await db.commitment.count({ where: { recommendationId: draft.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "recommendation.published" } })).toBe(0);

    // Once the failure is gone the same version publishes normally.
    expect(await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version })).toMatchObject({ created: 57 });
  });
});

describe("adding addressees", () => {
  it("creates just the missing commitment on a published recommendation, with its status row and audit", async () => {
    const [at, it_, ch] = await Promise.all(["AT", "IT", "CH"].map(stateByIso2));
    const draft = await createDraft({ addressAllParticipating: false, addresseeStateIds: [at!.id, it_!.id] });
    await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    const published = await analyst.caller.recommendations.get({ id: draft.id });

    const result = await analyst.caller.recommendations.addAddressees({
      recommendationId: draft.id,
      expectedVersion: published.version,
      stateIds: [at!.id, ch!.id],
    });
    expect(result).toEqual({ created: 1 });
    const commitments = await commitmentsOf(draft.id);
    expect(commitments.map((c) => c.state.iso2).sort()).toEqual(["AT", "CH", "IT"]);
    const newOne = commitments.find((c) => c.state.iso2 === "CH")!;
    expect(await db.commitmentStatusChange.count({ where: { commitmentId: newOne.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: newOne.id, action: "commitment.created" } })).toBe(1);

    const detail = await analyst.caller.recommendations.get({ id: draft.id });
    expect(detail.addressees.map((a) => a.state.iso2).sort()).toEqual(["AT", "CH", "IT"]);
    expect(detail._count.commitments).toBe(3);
  });

  it("adds a Partner to an all-participating published recommendation as one voluntary commitment", async () => {
    const draft = await createDraft();
    await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: draft.version });
    const partner = await stateByIso2("AU");
    const result = await analyst.caller.recommendations.addAddressees({
      recommendationId: draft.id,
      expectedVersion: draft.version + 1,
      stateIds: [partner.id, (await stateByIso2("AT")).id],
    });
    expect(result).toEqual({ created: 1 });
    const commitment = await db.commitment.findUniqueOrThrow({
      where: { recommendationId_stateId: { recommendationId: draft.id, stateId: partner.id } },
    });
    expect(commitment.voluntary).toBe(true);
    expect(await db.commitment.count({ where: { recommendationId: draft.id } })).toBe(58);
  });

  it("only records addressees on a draft", async () => {
    const draft = await createDraft({ addressAllParticipating: false, addresseeStateIds: [(await stateByIso2("AT")).id] });
    const result = await analyst.caller.recommendations.addAddressees({
      recommendationId: draft.id,
      expectedVersion: draft.version,
      stateIds: [(await stateByIso2("BE")).id],
    });
    expect(result).toEqual({ created: 0 });
    expect(await db.recommendationAddressee.count({ where: { recommendationId: draft.id } })).toBe(2);
    expect(await db.commitment.count({ where: { recommendationId: draft.id } })).toBe(0);
  });
});
