import "server-only";
import { db } from "@/server/db/client";

/**
 * All States (participating States first, then Partners for Co-operation), for filter controls.
 * Public facts only, so no actor is needed; pages call this directly for reference data.
 */
export async function listStatesForFilter() {
  return db.state.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    // Bounded: there are 57 participating States and a handful of Partners.
    take: 500,
    select: { id: true, name: true, iso2: true, kind: true },
  });
}
