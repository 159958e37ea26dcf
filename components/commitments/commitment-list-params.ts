import { COMMITMENT_SORTS } from "@/server/schemas/commitment-sorts";
import type { TListCommitmentsInput } from "@/server/schemas/commitments";
import { readParam, type Getter } from "@/components/url-params";

// The list's filters, sort and page live in the URL query string, so a view can be shared and
// the back button works. The filters are read as on every page (url-params.ts); anything
// malformed in a URL falls back to the default, never to an error.

export type CommitmentSort = (typeof COMMITMENT_SORTS)[number];
export type SortDirection = "asc" | "desc";
export type OverdueFilter = "yes" | "no" | "";
/** The open-update filter as the URL names it (`update=returned`). */
export const UPDATE_FILTER_STATES = { draft: "DRAFT", submitted: "SUBMITTED", returned: "RETURNED" } as const;
export const UPDATE_FILTERS = Object.keys(UPDATE_FILTER_STATES) as (keyof typeof UPDATE_FILTER_STATES)[];
export type UpdateFilter = keyof typeof UPDATE_FILTER_STATES | "";

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export type ListParams = {
  state: string; // ISO2 code; secretariat only
  status: string;
  theme: string;
  source: string;
  overdue: OverdueFilter;
  update: UpdateFilter;
  q: string;
  sort: CommitmentSort;
  dir: SortDirection;
  size: PageSize;
  cursor: string;
};

export const DEFAULT_PARAMS: ListParams = {
  state: "",
  status: "",
  theme: "",
  source: "",
  overdue: "",
  update: "",
  q: "",
  sort: "reference",
  dir: "asc",
  size: 25,
  cursor: "",
};

const CURSOR = /^[A-Za-z0-9_-]{1,500}$/;

/** Reads list parameters from a query string (URLSearchParams#get or a page's searchParams). */
export function parseListParams(get: Getter): ListParams {
  const text = (name: string) => (get(name) ?? "").trim();
  const match = (name: string, pattern: RegExp) => (pattern.test(text(name)) ? text(name) : "");
  const sort = text("sort");
  const size = Number(text("size"));
  const overdue = text("overdue");
  const update = text("update");
  return {
    state: readParam.stateCode(get("state")) ?? "",
    status: readParam.key(get("status")) ?? "",
    theme: readParam.key(get("theme")) ?? "",
    source: readParam.id(get("source")) ?? "",
    overdue: overdue === "yes" || overdue === "no" ? overdue : "",
    update: (UPDATE_FILTERS as readonly string[]).includes(update) ? (update as UpdateFilter) : "",
    // NUL would be refused by the API: drop it rather than show an error for a pasted URL.
    q: (get("q") ?? "").replaceAll("\u0000", "").slice(0, 200),
    sort: (COMMITMENT_SORTS as readonly string[]).includes(sort) ? (sort as CommitmentSort) : DEFAULT_PARAMS.sort,
    dir: text("dir") === "desc" ? "desc" : "asc",
    size: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PARAMS.size,
    cursor: match("cursor", CURSOR),
  };
}

/** The query string for these parameters, defaults left out ("" for the plain first page). */
export function toQueryString(params: ListParams): string {
  const query = new URLSearchParams();
  for (const name of ["state", "status", "theme", "source", "overdue", "update", "q", "sort", "dir", "size", "cursor"] as const) {
    const value = String(params[name]);
    if (value !== "" && value !== String(DEFAULT_PARAMS[name])) query.set(name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(params: ListParams) {
  return Boolean(params.state || params.status || params.theme || params.source || params.overdue || params.update || params.q.trim());
}

/** The same view without filters (sort and page size kept), on its first page. */
export function withoutFilters(params: ListParams): ListParams {
  return { ...DEFAULT_PARAMS, sort: params.sort, dir: params.dir, size: params.size };
}

/** The API input for these parameters; the State's ISO2 code is turned into its id. */
export function toListInput(params: ListParams, stateIdOf: (iso2: string) => string | undefined): TListCommitmentsInput {
  const input: TListCommitmentsInput = { sort: params.sort, direction: params.dir, limit: params.size };
  const stateId = params.state ? stateIdOf(params.state) : undefined;
  if (stateId) input.stateId = stateId;
  if (params.status) input.statusKey = params.status;
  if (params.theme) input.themeKey = params.theme;
  if (params.source) input.sourceId = params.source;
  if (params.overdue) input.overdue = params.overdue === "yes";
  if (params.update) input.openUpdate = UPDATE_FILTER_STATES[params.update];
  if (params.q.trim()) input.search = params.q.trim();
  if (params.cursor) input.cursor = params.cursor;
  return input;
}
