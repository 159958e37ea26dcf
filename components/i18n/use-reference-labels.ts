import { useLocale, useMessages } from "next-intl";
import { referenceLabels, type ReferenceLabels } from "@/server/shared/reference-labels";

/** Names of statuses, themes, ODIHR levels, roles and States in the reader's language (server or client components). */
export function useReferenceLabels(): ReferenceLabels {
  const messages = useMessages();
  return referenceLabels(messages.reference, useLocale());
}
