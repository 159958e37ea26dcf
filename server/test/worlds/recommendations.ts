import { beforeAll } from "vitest";
import { db } from "@/server/db/client";
import { callersOfEachRole, uniqueSuffix, type CallersOfEachRole } from "@/server/test/factories";

// The recommendation tests' world: callers of each role, a source, and drafts in it.

export type Caller = CallersOfEachRole["publicCaller"];

export let { admin, analyst, focal, publicCaller } = {} as CallersOfEachRole;
export let sourceId: string;

/** Registers the set-up of a test file: a caller of each role (AT's focal point) and a source of its own. */
export function setUpRecommendationsWorld() {
  beforeAll(async () => {
    ({ admin, analyst, focal, publicCaller } = await callersOfEachRole("AT"));
    const source = await analyst.caller.sources.create({
      title: `Recommendations test source ${uniqueSuffix()}`,
      kind: "CONFERENCE",
      date: "2017-04-03",
      location: "Vienna",
    });
    sourceId = source.id;
  });
}

export async function createDraft(overrides: Record<string, unknown> = {}) {
  return analyst.caller.recommendations.create({
    sourceId,
    reference: `REC-${uniqueSuffix()}`,
    text: "Strengthen child protection systems.",
    themeKeys: ["children", "protection"],
    addressAllParticipating: true,
    dueDate: "2027-12-31",
    ...overrides,
  });
}

export async function commitmentsOf(recommendationId: string) {
  return db.commitment.findMany({
    where: { recommendationId },
    select: { id: true, stateId: true, voluntary: true, acceptedStatusId: true, acceptedProgress: true, dueDate: true, state: { select: { kind: true, iso2: true } } },
  });
}

export async function firstDefaultStatus() {
  return db.scaleStatus.findFirstOrThrow({ where: { scale: { isDefault: true } }, orderBy: { position: "asc" } });
}
