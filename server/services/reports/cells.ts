import "server-only";
import type { z } from "zod";
import type { OdihrLevel } from "@/server/shared/figures";
import type { ZReportFilters } from "@/server/schemas/reports";

// What every compliance report shares. Reports only ever read published recommendations and
// accepted statuses, so they are the same for every reader except that the secretariat also sees
// its internal assessments; no report names a person. Each report is one module beside this one,
// with its SQL in a `.sql.ts` module; they all read the same cells (cells.sql.ts).

export type ReportFilters = z.output<typeof ZReportFilters>;

/** A status of a scale as the reports list it. */
export type StatusRow = { id: string; key: string; label: string; position: number; odihrLevel: OdihrLevel | null; countsTowardsAverage: boolean };

// Every date in a report travels as an ISO string (YYYY-MM-DD for calendar dates, the full ISO time
// otherwise), most made by PostgreSQL (sqlIsoDay, sqlIsoTime): long lists of Date objects cost more to
// parse and to serialise than the query.
/** `isOverdue` of commitments.ts for ISO strings: due before `today` (YYYY-MM-DD) and never accepted. */
export const isOverdueOn = (dueDate: string | null, acceptedAt: string | null, today: string) => dueDate !== null && dueDate < today && acceptedAt === null;
