import type { TUpdateContent } from "@/server/schemas/commitments";
import { httpUrlProblem, progressProblem, requiredTextProblem, textProblem } from "@/server/schemas/text-rules";

// What a focal point may write in an update, without zod: ZUpdateContent (commitments.ts) is built
// from these limits and labels, and the update form checks with `updateContentProblems` before it
// sends, so the form can show the API's messages without loading zod.

export const MAX_NARRATIVE = 10_000;
export const MAX_EVIDENCE_LINKS = 20;
export const MAX_REPORTING_PERIOD = 100;
export const MAX_EVIDENCE_TITLE = 300;

export const UPDATE_LABELS = {
  narrative: "Progress note",
  reportingPeriod: "Reporting period",
  evidenceTitle: "Evidence title",
  evidenceUrl: "Evidence URL",
} as const;

export const TOO_MANY_EVIDENCE_LINKS = `At most ${MAX_EVIDENCE_LINKS} evidence links`;

/**
 * The first problem of each field of an update's content, keyed by path as the API's field errors
 * are, without their "content." prefix: "progress", "narrative", "evidence", "evidence.0.url".
 * Empty when the content passes. `statusId` is not checked here: the form picks it from the scale,
 * and the server checks it like everything else.
 */
export function updateContentProblems(content: TUpdateContent): Record<string, string> {
  const problems: Record<string, string> = {};
  const add = (path: string, problem: string | null) => {
    if (problem) problems[path] = problem;
  };
  add("progress", progressProblem(content.progress));
  add("narrative", textProblem(content.narrative, MAX_NARRATIVE, UPDATE_LABELS.narrative));
  if (content.reportingPeriod !== undefined) {
    add("reportingPeriod", textProblem(content.reportingPeriod, MAX_REPORTING_PERIOD, UPDATE_LABELS.reportingPeriod));
  }
  // Like zod: too many links is the only problem reported for the list, its rows wait.
  if (content.evidence.length > MAX_EVIDENCE_LINKS) add("evidence", TOO_MANY_EVIDENCE_LINKS);
  else content.evidence.forEach((link, index) => {
    add(`evidence.${index}.title`, requiredTextProblem(link.title, MAX_EVIDENCE_TITLE, UPDATE_LABELS.evidenceTitle));
    add(`evidence.${index}.url`, httpUrlProblem(link.url, UPDATE_LABELS.evidenceUrl));
  });
  return problems;
}
