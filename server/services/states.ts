import "server-only";
import { db } from "@/server/db/client";
import type { Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";

/**
 * All States (participating States first, then Partners for Co-operation, each in name order of
 * the reader's language), for filter controls. Public facts only, so no actor is needed; pages
 * call this directly for reference data.
 */
export async function listStatesForFilter(locale: Locale) {
  const states = await db.state.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    // Bounded: there are 57 participating States and a handful of Partners.
    take: 500,
    select: { id: true, name: true, iso2: true, kind: true },
  });
  // A stable sort: the kinds stay in their order.
  return sortStatesByName(states, locale).sort((a, b) => (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1));
}
