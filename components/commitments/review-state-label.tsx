import { useTranslations } from "next-intl";
import { ReviewStateBadge } from "@/components/ui/status-badge";

const REVIEW_STATES = ["DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"] as const;

/** An update's review state as a badge, named in the reader's language. */
export function ReviewStateLabel({ reviewState }: { reviewState: string }) {
  const t = useTranslations("commitments.reviewStates");
  const known = REVIEW_STATES.find((state) => state === reviewState);
  return <ReviewStateBadge reviewState={reviewState} label={known ? t(known) : undefined} />;
}
