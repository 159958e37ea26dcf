import * as z from "zod/mini";
import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import { zDateOnly, zHttpUrl, zId, zProgress, zRequiredText, zText, zVersion } from "@/server/schemas/common";

import { validationMessage as message } from "@/server/shared/message-keys";
import { MAX_EVIDENCE_LINKS, MAX_EVIDENCE_TITLE, MAX_NARRATIVE, MAX_REPORTING_PERIOD, RATIONALE_MAX, REVIEW_COMMENT_MAX } from "@/server/schemas/limits";

export { MAX_EVIDENCE_LINKS, MAX_NARRATIVE } from "@/server/schemas/limits";

export const ZEvidenceLink = z.strictObject({
  title: zRequiredText(MAX_EVIDENCE_TITLE, "evidenceTitle"),
  url: zHttpUrl("evidenceUrl"),
  isPublic: z.boolean(),
});

/** What a focal point writes in an update: the API validates with it, and so does the update form. */
export const ZUpdateContent = z.strictObject({
  statusId: zId,
  progress: zProgress,
  narrative: zText(MAX_NARRATIVE, "narrative"),
  reportingPeriod: z.optional(zText(MAX_REPORTING_PERIOD, "reportingPeriod")),
  evidence: z.array(ZEvidenceLink).check(z.maxLength(MAX_EVIDENCE_LINKS, message("updates.tooManyLinks", { max: MAX_EVIDENCE_LINKS }))),
});
export type TUpdateContent = z.infer<typeof ZUpdateContent>;

/**
 * Save (and optionally submit) an update. Without `updateId` a new draft is started (the
 * commitment must have no open update); with it, the draft of that id is changed, based on
 * `expectedVersion`.
 */
export const ZWriteUpdateInput = z.strictObject({
  commitmentId: zId,
  updateId: z.optional(zId),
  expectedVersion: z.optional(zVersion),
  content: ZUpdateContent,
});
export type TWriteUpdateInput = z.infer<typeof ZWriteUpdateInput>;

export const ZUpdateRef = z.strictObject({ updateId: zId, expectedVersion: zVersion });
export type TUpdateRef = z.infer<typeof ZUpdateRef>;

const zReviewComment = zText(REVIEW_COMMENT_MAX, "reviewComment");

export const ZAcceptUpdateInput = z.strictObject({
  updateId: zId,
  expectedVersion: zVersion,
  comment: z.optional(zReviewComment),
});
export type TAcceptUpdateInput = z.infer<typeof ZAcceptUpdateInput>;

export const ZReturnUpdateInput = z.strictObject({
  updateId: zId,
  expectedVersion: zVersion,
  comment: zRequiredText(REVIEW_COMMENT_MAX, "reviewComment"),
});
export type TReturnUpdateInput = z.infer<typeof ZReturnUpdateInput>;

export const ZRecordAssessmentInput = z.strictObject({
  commitmentId: zId,
  expectedVersion: zVersion,
  statusId: zId,
  rationale: zRequiredText(RATIONALE_MAX, "rationale"),
  isPublic: z.boolean(),
});
export type TRecordAssessmentInput = z.infer<typeof ZRecordAssessmentInput>;

export const ZSetDueDateInput = z.strictObject({
  commitmentId: zId,
  expectedVersion: zVersion,
  dueDate: z.nullable(zDateOnly),
});
export type TSetDueDateInput = z.infer<typeof ZSetDueDateInput>;

/** One due date (null: none) for a published recommendation and every one of its commitments. */
export const ZSetRecommendationDueDateInput = z.strictObject({
  recommendationId: zId,
  expectedVersion: zVersion,
  dueDate: z.nullable(zDateOnly),
});
export type TSetRecommendationDueDateInput = z.infer<typeof ZSetRecommendationDueDateInput>;

export const ZCommitmentRef = z.strictObject({ id: zId });

export const ZStatusAsOfInput = z.strictObject({ id: zId, date: zDateOnly });

/** Sort orders of the commitments list; each is keyset-paged, ties broken by id. */
export { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";

export const ZListCommitmentsInput = z.strictObject({
  stateId: z.optional(zId),
  sourceId: z.optional(zId),
  recommendationId: z.optional(zId),
  statusKey: z.optional(zText(50, "status")),
  themeKey: z.optional(zText(50, "theme")),
  overdue: z.optional(z.boolean()),
  /** The state of the commitment's open update, or RETURNED: its latest update was returned and no revised one is open yet. */
  openUpdate: z.optional(z.enum(["DRAFT", "SUBMITTED", "RETURNED"])),
  /** Literal, case-insensitive text in the recommendation's reference or text. */
  search: z.optional(zText(200, "search")),
  sort: z._default(z.enum(COMMITMENT_SORTS), "reference"),
  direction: z._default(z.enum(["asc", "desc"]), "asc"),
  /** Opaque: the `nextCursor` of the previous page, for the same filters and sort. */
  cursor: z.optional(zText(500, "pageCursor")),
  /**
   * Count the whole filtered set (`totalCount`). By default only the first page (no cursor) is
   * counted: the count does not change while paging, and it costs more than a page.
   */
  count: z.optional(z.boolean()),
  limit: z._default(z.int().check(z.gte(1), z.lte(100)), 25),
});
export type TListCommitmentsInput = z.input<typeof ZListCommitmentsInput>;

export const ZReviewQueueInput = z.strictObject({
  stateId: z.optional(zId),
  sourceId: z.optional(zId),
  // tRPC's infinite queries send `cursor: null` first and a paging direction.
  cursor: z.nullish(zId),
  direction: z.optional(z.enum(["forward", "backward"])),
  limit: z._default(z.int().check(z.gte(1), z.lte(100)), 25),
});
