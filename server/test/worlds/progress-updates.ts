import type { TUpdateContent } from "@/server/schemas/commitments";
import { callerAs, callerFor, createPublishedCommitments } from "@/server/test/factories";

// The progress-update tests' world: commitments of two States, their callers, and an update's content.

export function content(statusId: string, overrides: Partial<TUpdateContent> = {}): TUpdateContent {
  return {
    statusId,
    progress: 40,
    narrative: "A bill on temporary residency was tabled in parliament.",
    reportingPeriod: "2026 Q4",
    evidence: [
      { title: "Draft law", url: "https://parliament.example/bill-17", isPublic: true },
      { title: "Internal memo", url: "https://intranet.example/memo", isPublic: false },
    ],
    ...overrides,
  };
}

export async function setup(states = ["AT", "IT"]) {
  const world = await createPublishedCommitments(states);
  const at = await callerFor("FOCAL_POINT", "AT");
  const it = await callerFor("FOCAL_POINT", "IT");
  const analyst = await callerFor("ANALYST");
  const publicCaller = await callerAs("public");
  return { world, at, it, analyst, publicCaller, commitmentId: world.commitments.AT!.id };
}
