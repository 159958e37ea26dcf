import { db } from "@/server/db/client";
import type { OdihrLevel } from "@/server/shared/figures";
import { callerFor, createPublishedCommitments, uniqueSuffix } from "@/server/test/factories";

/**
 * A source with two published recommendations for AT, IT, DE, reported through the real
 * workflow: AT implemented AAA (accepted), IT in progress on AAA (accepted), DE not started;
 * on the second recommendation AT's update is only submitted (not reviewed).
 */
export async function world() {
  const first = await createPublishedCommitments(["AT", "IT", "DE"]);
  const second = await db.recommendation.create({
    data: {
      sourceId: first.source.id,
      reference: `Z-${uniqueSuffix()}`,
      text: "Harmonize child protection systems",
      scaleId: first.scale.id,
      publication: "PUBLISHED",
      publishedAt: new Date(),
      dueDate: new Date("2020-01-31T00:00:00Z"),
      themes: { create: [{ theme: { connect: { key: "protection" } } }] },
    },
  });
  const notStarted = first.statuses.not_started!;
  const secondCommitments: Record<string, string> = {};
  for (const iso2 of ["AT", "IT", "DE"]) {
    const state = await db.state.findUniqueOrThrow({ where: { iso2 } });
    const commitment = await db.commitment.create({
      data: {
        recommendationId: second.id,
        stateId: state.id,
        acceptedStatusId: notStarted.id,
        acceptedProgress: 0,
        dueDate: second.dueDate,
        statusChanges: { create: { statusId: notStarted.id, progress: 0, effectiveAt: second.publishedAt! } },
      },
    });
    secondCommitments[iso2] = commitment.id;
  }
  // A draft recommendation of the same source: never in any report.
  await db.recommendation.create({
    data: { sourceId: first.source.id, reference: `DRAFT-${uniqueSuffix()}`, text: "Secret draft text", scaleId: first.scale.id, publication: "DRAFT" },
  });

  const at = await callerFor("FOCAL_POINT", "AT");
  const it = await callerFor("FOCAL_POINT", "IT");
  const analyst = await callerFor("ANALYST");
  const report = async (caller: typeof at.caller, commitmentId: string, statusKey: string, progress: number, narrative: string) => {
    const update = await caller.commitments.saveAndSubmit({
      commitmentId,
      content: {
        statusId: first.statuses[statusKey]!.id,
        progress,
        narrative,
        evidence: [
          { title: "Public law", url: "https://law.example/public", isPublic: true },
          { title: "Internal memo", url: "https://intranet.example/memo", isPublic: false },
        ],
      },
    });
    return update;
  };
  const atUpdate = await report(at.caller, first.commitments.AT!.id, "implemented", 100, "The law was adopted.");
  await analyst.caller.review.accept({ updateId: atUpdate.id, expectedVersion: 1 });
  const itUpdate = await report(it.caller, first.commitments.IT!.id, "in_progress", 40, "Work has started.");
  await analyst.caller.review.accept({ updateId: itUpdate.id, expectedVersion: 1 });
  await report(at.caller, secondCommitments.AT!, "implemented", 100, "Pending, unreviewed claim");
  await analyst.caller.review.assess({
    commitmentId: first.commitments.IT!.id,
    expectedVersion: 2,
    statusId: first.statuses.planned!.id,
    rationale: "Internal: only planned so far",
    isPublic: false,
  });
  return { first, second, secondCommitments, at, it, analyst };
}

export const levelOf: Record<string, OdihrLevel | null> = {
  not_started: "NOT_IMPLEMENTED",
  planned: "NOT_IMPLEMENTED",
  in_progress: "PARTIALLY",
  partially_implemented: "PARTIALLY",
  implemented: "FULLY",
  not_applicable: null,
};
