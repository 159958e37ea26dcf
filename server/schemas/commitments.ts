import { z } from "zod";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { zDateOnly, zHttpUrl, zId, zProgress, zRequiredText, zText, zVersion } from "@/server/schemas/common";
import {
  MAX_EVIDENCE_LINKS,
  MAX_EVIDENCE_TITLE,
  MAX_NARRATIVE,
  MAX_REPORTING_PERIOD,
  TOO_MANY_EVIDENCE_LINKS,
  UPDATE_LABELS,
} from "@/server/schemas/update-content-rules";
import { RATIONALE_LABEL, RATIONALE_MAX, REVIEW_COMMENT_LABEL, REVIEW_COMMENT_MAX } from "@/server/schemas/review-rules";

export { MAX_EVIDENCE_LINKS, MAX_NARRATIVE } from "@/server/schemas/update-content-rules";

export const ZEvidenceLink = z.strictObject({
  title: zRequiredText(MAX_EVIDENCE_TITLE, UPDATE_LABELS.evidenceTitle),
  url: zHttpUrl(UPDATE_LABELS.evidenceUrl),
  isPublic: z.boolean(),
});

/**
 * What a focal point writes in an update. The API validates with it; the update form checks the
 * same rules without zod (update-content-rules.ts), and a test keeps the two in agreement.
 */
export const ZUpdateContent = z.strictObject({
  statusId: zId,
  progress: zProgress,
  narrative: zText(MAX_NARRATIVE, UPDATE_LABELS.narrative),
  reportingPeriod: zText(MAX_REPORTING_PERIOD, UPDATE_LABELS.reportingPeriod).optional(),
  evidence: z.array(ZEvidenceLink).max(MAX_EVIDENCE_LINKS, TOO_MANY_EVIDENCE_LINKS),
});
export type TUpdateContent = z.infer<typeof ZUpdateContent>;

/**
 * Save (and optionally submit) an update. Without `updateId` a new draft is started (the
 * commitment must have no open update); with it, the draft of that id is changed, based on
 * `expectedVersion`.
 */
export const ZWriteUpdateInput = z.strictObject({
  commitmentId: zId,
  updateId: zId.optional(),
  expectedVersion: zVersion.optional(),
  content: ZUpdateContent,
});
export type TWriteUpdateInput = z.infer<typeof ZWriteUpdateInput>;

export const ZUpdateRef = z.strictObject({ updateId: zId, expectedVersion: zVersion });
export type TUpdateRef = z.infer<typeof ZUpdateRef>;

export const ZAcceptUpdateInput = z.strictObject({
  updateId: zId,
  expectedVersion: zVersion,
  comment: zText(REVIEW_COMMENT_MAX, REVIEW_COMMENT_LABEL).optional(),
});
export type TAcceptUpdateInput = z.infer<typeof ZAcceptUpdateInput>;

export const ZReturnUpdateInput = z.strictObject({
  updateId: zId,
  expectedVersion: zVersion,
  comment: zRequiredText(REVIEW_COMMENT_MAX, REVIEW_COMMENT_LABEL),
});
export type TReturnUpdateInput = z.infer<typeof ZReturnUpdateInput>;

export const ZRecordAssessmentInput = z.strictObject({
  commitmentId: zId,
  expectedVersion: zVersion,
  statusId: zId,
  rationale: zRequiredText(RATIONALE_MAX, RATIONALE_LABEL),
  isPublic: z.boolean(),
});
export type TRecordAssessmentInput = z.infer<typeof ZRecordAssessmentInput>;

export const ZSetDueDateInput = z.strictObject({
  commitmentId: zId,
  expectedVersion: zVersion,
  dueDate: zDateOnly.nullable(),
});
export type TSetDueDateInput = z.infer<typeof ZSetDueDateInput>;

export const ZCommitmentRef = z.strictObject({ id: zId });

export const ZStatusAsOfInput = z.strictObject({ id: zId, date: zDateOnly });

/** Sort orders of the commitments list; each is keyset-paged, ties broken by id. */
export { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";

export const ZListCommitmentsInput = z.strictObject({
  stateId: zId.optional(),
  sourceId: zId.optional(),
  recommendationId: zId.optional(),
  statusKey: zText(50, "Status").optional(),
  themeKey: zText(50, "Theme").optional(),
  overdue: z.boolean().optional(),
  /** Literal, case-insensitive text in the recommendation's reference or text. */
  search: zText(200, "Search").optional(),
  sort: z.enum(COMMITMENT_SORTS).default("reference"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  /** Opaque: the `nextCursor` of the previous page, for the same filters and sort. */
  cursor: zText(500, "Page cursor").optional(),
  /**
   * Count the whole filtered set (`totalCount`). By default only the first page (no cursor) is
   * counted: the count does not change while paging, and it costs more than a page.
   */
  count: z.boolean().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TListCommitmentsInput = z.input<typeof ZListCommitmentsInput>;

export const ZReviewQueueInput = z.strictObject({
  stateId: zId.optional(),
  sourceId: zId.optional(),
  // tRPC's infinite queries send `cursor: null` first and a paging direction.
  cursor: zId.nullish(),
  direction: z.enum(["forward", "backward"]).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
