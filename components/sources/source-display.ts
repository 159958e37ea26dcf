import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** A source as its page reads it (`sources.get`). */
export type SourceDetail = inferRouterOutputs<AppRouter>["sources"]["get"];

/** Recommendations per page of a source's list; shared by the page (first page) and the list. */
export const SOURCE_RECOMMENDATIONS_PAGE_SIZE = 50;
