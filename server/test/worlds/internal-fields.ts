import { expect } from "vitest";
import { db } from "@/server/db/client";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { buildExport } from "@/server/services/report-export-request";
import type { Actor } from "@/server/services/access";
import { exportText } from "@/server/test/export-text";
import { callerFor, createPublishedCommitments, uniqueSuffix } from "@/server/test/factories";

// These tests render dozens of exports (PDF and Excel in worker threads, PDFs read back with
// PDF.js): 45 in the first; on two shared cores that takes longer than the default 30 s. The
// export workers run at low priority by design, so when the machine is busy with other work they
// wait: the first took 96-150 s with builds running beside it (a time limit, not a speed check).
export const EXPORTS_TIMEOUT_MS = 420_000;

// What is internal by design, and must never reach the public or another State:
//   - the analyst's review comment (of accepted and of returned updates);
//   - evidence links not marked public;
//   - assessments not marked public (their status and rationale);
//   - updates that were not accepted (drafts, submitted, returned: their notes and evidence);
//   - who in a ministry or the secretariat did what (names and emails).
// What becomes public on acceptance: the accepted status, the focal point's note, public evidence.

export type AnyCaller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

/**
 * A published recommendation for Austria and Italy where Austria's update was returned, a
 * revised one accepted (with a review comment and an internal evidence link), a third one is
 * waiting for review, and the secretariat recorded an internal assessment. Every internal text
 * carries a unique marker.
 */
export async function internalWorld() {
  const s = uniqueSuffix();
  const world = await createPublishedCommitments(["AT", "IT"]);
  const at = await callerFor("FOCAL_POINT", "AT");
  const italy = await callerFor("FOCAL_POINT", "IT");
  const analyst = await callerFor("ANALYST");
  const commitmentId = world.commitments.AT!.id;
  const statuses = world.statuses;

  const returned = await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: { statusId: statuses.in_progress!.id, progress: 40, narrative: `returned-note-${s}`, evidence: [{ title: `returned-evidence-${s}`, url: `https://intranet.example/returned-${s}`, isPublic: true }] },
  });
  await analyst.caller.review.return({ updateId: returned.id, expectedVersion: 1, comment: `return-comment-${s}` });
  const accepted = await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: {
      statusId: statuses.partially_implemented!.id,
      progress: 65,
      narrative: `public-note-${s}`,
      evidence: [
        { title: `public-evidence-${s}`, url: `https://parliament.example/law-${s}`, isPublic: true },
        { title: `internal-evidence-${s}`, url: `https://intranet.example/memo-${s}`, isPublic: false },
      ],
    },
  });
  await analyst.caller.review.accept({ updateId: accepted.id, expectedVersion: 1, comment: `accept-comment-${s}` });
  await at.caller.commitments.saveAndSubmit({
    commitmentId,
    content: { statusId: statuses.implemented!.id, progress: 100, narrative: `pending-note-${s}`, evidence: [{ title: `pending-evidence-${s}`, url: `https://intranet.example/pending-${s}`, isPublic: true }] },
  });
  const { version } = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId }, select: { version: true } });
  await analyst.caller.review.assess({
    commitmentId,
    expectedVersion: version,
    statusId: statuses.planned!.id,
    rationale: `internal-assessment-${s}`,
    isPublic: false,
  });

  const austria = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
  const internal = [
    `return-comment-${s}`,
    `accept-comment-${s}`,
    `internal-evidence-${s}`,
    `memo-${s}`,
    `returned-note-${s}`,
    `returned-evidence-${s}`,
    `pending-note-${s}`,
    `pending-evidence-${s}`,
    `internal-assessment-${s}`,
    at.user.name,
    at.user.email,
    analyst.user.name,
    analyst.user.email,
  ];
  return { s, world, at, italy, analyst, commitmentId, austria, internal };
}

export type World = Awaited<ReturnType<typeof internalWorld>>;

/** Valid input for every public procedure, aimed at the world's rows. */
export function publicInputs(world: World): Record<string, unknown> {
  const today = new Date().toISOString().slice(0, 10);
  const { source, recommendation, scale } = world.world;
  return {
    "account.me": undefined,
    "sources.list": {},
    "sources.get": { id: source.id },
    "scales.list": undefined,
    "scales.get": { id: scale.id },
    "recommendations.list": { sourceId: source.id },
    "recommendations.get": { id: recommendation.id },
    "recommendations.themes": undefined,
    "commitments.list": { sourceId: source.id },
    "commitments.get": { id: world.commitmentId },
    "commitments.history": { id: world.commitmentId },
    "commitments.statusAsOf": { id: world.commitmentId, date: today },
    "reports.matrix": { sourceId: source.id },
    "reports.recommendation": { recommendationId: recommendation.id },
    "reports.state": { stateId: world.austria.id, sourceId: source.id },
    "reports.trend": { sourceId: source.id },
    "reports.overdue": { sourceId: source.id },
  };
}

export const PUBLIC_PROCEDURES = Object.entries(PROCEDURE_ACCESS)
  .filter(([, access]) => access === "public" || access === "public-read")
  .map(([procedure]) => procedure)
  .sort();

/** A procedure's answer as text (or its refusal's code and message). */
export async function answerText(caller: unknown, procedure: string, input: unknown): Promise<string> {
  const [namespace, name] = procedure.split(".") as [string, string];
  try {
    return JSON.stringify(await (caller as AnyCaller)[namespace]![name]!(input));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return JSON.stringify({ code, message });
  }
}

export function expectNoneOf(text: string, forbidden: string[], where: string) {
  expect(forbidden.filter((marker) => text.includes(marker)), where).toEqual([]);
}

export const REPORTS = ["matrix", "recommendation", "state", "trend", "overdue"] as const;
export const FORMATS = ["csv", "xlsx", "pdf"] as const;

export function exportQuery(world: World, report: (typeof REPORTS)[number]): Record<string, string> {
  const { source, recommendation } = world.world;
  if (report === "recommendation") return { recommendationId: recommendation.id };
  if (report === "state") return { stateId: world.austria.id, sourceId: source.id };
  return { sourceId: source.id };
}

export async function exportedText(actor: Actor, query: Record<string, string>, format: (typeof FORMATS)[number]) {
  const result = await buildExport(actor, new URLSearchParams({ ...query, format }));
  return exportText(format, new Uint8Array(await new Response(result.body).arrayBuffer()));
}
