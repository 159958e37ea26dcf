import type { MouseEvent } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

// Shared by the review page (server) and its client components: no "use client" here, so the
// server page gets real values rather than client references.

export const REVIEW_PAGE_SIZE = 25;

type Outputs = inferRouterOutputs<AppRouter>;
export type TQueuePage = Outputs["review"]["queue"];
export type TQueueItem = TQueuePage["items"][number];
export type TCommitmentView = Outputs["commitments"]["get"];
export type TScaleStatus = TCommitmentView["recommendation"]["scale"]["statuses"][number];
export type TTimeline = Outputs["commitments"]["history"];
/** The submitted update under review, as the review screen shows it. */
export type TReviewUpdate = {
  id: string;
  version: number;
  status: { key: string; label: string };
  progress: number;
  narrative: string;
  /** undefined: not known (the update was found through the queue, which does not carry it). */
  reportingPeriod: string | null | undefined;
  submittedAt: string | null;
  authorName: string | null;
  evidence: { title: string; url: string; isPublic: boolean }[];
};
/** A State to filter by: its code in the URL, its id for the API. */
export type TStateOption = { value: string; id: string; label: string };
export type TConflict = { changedBy: string | null; changedAt: string };

export const QUEUE_HEADING_ID = "review-queue-heading";
export const ITEM_HEADING_ID = "review-item-heading";
export const queueLinkId = (commitmentId: string) => `review-open-${commitmentId}`;

/** Whether a click should be left to the browser (new tab, new window). */
export function isModifiedClick(event: MouseEvent) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/** Only http(s) addresses become links (the API accepts no others; this guards old data too). */
export function isWebAddress(url: string) {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

