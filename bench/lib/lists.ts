// The commitments list (commitments.list) for a focal point and an analyst: first page, page 50,
// the last page and a filtered search, as the list page asks for them (25 rows, by reference;
// the first page and the search come with the count, later pages without it, as in the browser).
import type pg from "pg";
import type { listCommitments } from "@/server/services/commitment-list";
import type { AppClient } from "@/bench/lib/http";
import { encodeCursor } from "@/server/services/core/cursor";

type ListPage = Awaited<ReturnType<typeof listCommitments>>;

export const PAGE_SIZE = 25;
const BASE_INPUT = { sort: "reference", direction: "asc", limit: PAGE_SIZE } as const;

export type ListCase = { key: string; label: string; role: "focal point" | "analyst"; page: string; run: () => Promise<ListPage> };

/** Follows nextCursor from the first page; cursors[i] opens page i + 2. */
async function walkCursors(client: AppClient, input: Record<string, unknown>, pages: number): Promise<string[]> {
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let page = 1; page < pages; page++) {
    const result = await client.query<ListPage>("commitments.list", cursor ? { ...input, cursor } : input);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
    cursors.push(cursor);
  }
  return cursors;
}

/**
 * The cursor that opens the last page, computed in SQL exactly as the app encodes it (the row
 * just before the last page, in the list's order), so the analyst's 4,560 pages need not be walked.
 */
async function lastPageCursor(pool: pg.Pool, stateId: string | null, total: number): Promise<string | null> {
  const lastPageStart = (Math.ceil(total / PAGE_SIZE) - 1) * PAGE_SIZE;
  if (lastPageStart <= 0) return null;
  const { rows } = await pool.query<{ reference: string; id: string }>(
    `SELECT r.reference, c.id FROM "Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId"
     ${stateId ? `WHERE c."stateId" = $2::uuid` : ""}
     ORDER BY r.reference, c.id OFFSET $1::int LIMIT 1`,
    stateId ? [lastPageStart - 1, stateId] : [lastPageStart - 1],
  );
  const row = rows[0];
  if (!row) return null;
  return encodeCursor({ sort: BASE_INPUT.sort, direction: BASE_INPUT.direction, value: row.reference, id: row.id });
}

export type ListSetup = { cases: ListCase[]; notes: string[]; totals: Record<string, number> };

export async function prepareListCases(focal: AppClient, analyst: AppClient, pool: pg.Pool, focalStateId: string, search: string): Promise<ListSetup> {
  const notes: string[] = [];
  const totals: Record<string, number> = {};
  const cases: ListCase[] = [];
  for (const [role, client, stateId] of [["focal point", focal, focalStateId], ["analyst", analyst, null]] as const) {
    const first = await client.query<ListPage>("commitments.list", BASE_INPUT);
    if (first.totalCount === null) throw new Error("commitments.list answered the first page without its count.");
    const total = first.totalCount;
    totals[role] = total;
    const pages = Math.ceil(total / PAGE_SIZE);
    // Walk once to page 50 (and to the end for the focal point, to check the computed cursor).
    const walked = await walkCursors(client, BASE_INPUT, role === "focal point" ? pages : Math.min(pages, 50));
    const page50 = walked[48];
    const computedLast = await lastPageCursor(pool, stateId, total);
    if (role === "focal point" && walked.length > 0 && walked[walked.length - 1] !== computedLast) {
      notes.push("The computed last-page cursor differs from the walked one: the analyst's last page may be wrong.");
    }
    const last = role === "focal point" ? walked[walked.length - 1] : computedLast;
    cases.push({ key: `${role}.first`, label: `${role}: first page`, role, page: "1", run: () => client.query<ListPage>("commitments.list", BASE_INPUT) });
    if (page50) {
      cases.push({ key: `${role}.page50`, label: `${role}: page 50`, role, page: "50", run: () => client.query<ListPage>("commitments.list", { ...BASE_INPUT, cursor: page50 }) });
    }
    if (last) {
      cases.push({ key: `${role}.last`, label: `${role}: last page (${pages})`, role, page: String(pages), run: () => client.query<ListPage>("commitments.list", { ...BASE_INPUT, cursor: last }) });
    }
    cases.push({
      key: `${role}.search`,
      label: `${role}: search "${search}"`,
      role,
      page: "1",
      run: () => client.query<ListPage>("commitments.list", { ...BASE_INPUT, search }),
    });
  }
  return { cases, notes, totals };
}
