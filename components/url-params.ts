import type { STATE_GROUPS } from "@/server/schemas/reports";
import { isCalendarDate, isId } from "@/server/schemas/limits";

// Every page's URL parameters are read here: one name and one kind of value per filter, on every
// page that has it (`source`: a source id, `theme`: a theme key, `state`: a State's ISO alpha-2
// code, `status`: a status key). Anything malformed is ignored (the default applies), never an
// error page. The old names of shared links are mapped onto these and redirected (see
// `renamedQuery` and `reviewStateRedirect`). No zod here: list pages import it in the browser.

export type SearchParams = Record<string, string | string[] | undefined>;
export type Getter = (name: string) => string | null | undefined;

/** A page's `searchParams` object as a getter (first value of repeated keys). */
export function getterOf(searchParams: SearchParams): Getter {
  return (name) => {
    const value = searchParams[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** The first value of a parameter, trimmed; undefined when absent or blank. */
export function firstParam(value: string | string[] | null | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single ? single.trim() || undefined : undefined;
}

const KEY = /^[a-z0-9_-]{1,50}$/i;
const ISO2 = /^[A-Z]{2}$/;

/** The value readers, one per kind: undefined for anything that is not such a value. */
export const readParam = {
  /** An id as the API accepts it (a source, a commitment). */
  id: (value: string | string[] | null | undefined) => {
    const text = firstParam(value);
    return text && isId(text) ? text.toLowerCase() : undefined;
  },
  /** A theme or status key. */
  key: (value: string | string[] | null | undefined) => {
    const text = firstParam(value);
    return text && KEY.test(text) ? text : undefined;
  },
  /** A State's ISO alpha-2 code. */
  stateCode: (value: string | string[] | null | undefined) => {
    const text = firstParam(value);
    return text && ISO2.test(text) ? text : undefined;
  },
  date: (value: string | string[] | null | undefined) => {
    const text = firstParam(value);
    return text && isCalendarDate(text) ? text : undefined;
  },
};

// ---- Report pages ------------------------------------------------------------------------------

export type StateGroup = (typeof STATE_GROUPS)[number];
const GROUPS = ["participating", "partners", "all"] as const satisfies readonly StateGroup[];
/** The report filters as the API takes them (`reportQuery` writes them back with the URL names). */
export type ReportFilterValues = { sourceId?: string; themeKey?: string; stateGroup: StateGroup; asOf?: string };

/** The report filters from a page URL. */
export function readReportFilters(params: SearchParams): ReportFilterValues {
  const stateGroup = firstParam(params.stateGroup);
  return {
    sourceId: readParam.id(params.source),
    themeKey: readParam.key(params.theme),
    stateGroup: GROUPS.find((group) => group === stateGroup) ?? "participating",
    asOf: readParam.date(params.asOf),
  };
}

/** A query string with the filters (URL names) and extra parameters, for links and exports. */
export function reportQuery(filters: Partial<ReportFilterValues>, extra: Record<string, string | number | undefined> = {}): string {
  const { sourceId, themeKey, stateGroup, asOf } = filters;
  const named = { source: sourceId, theme: themeKey, stateGroup: stateGroup === "participating" ? undefined : stateGroup, asOf, ...extra };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(named)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The export API's query: the URL names of the filters become the API's field names. */
export function exportApiParams(search: URLSearchParams): URLSearchParams {
  const api = new URLSearchParams();
  for (const [key, value] of renamedParams(search) ?? search) api.append(key === "source" ? "sourceId" : key === "theme" ? "themeKey" : key, value);
  return api;
}

export type TrendGranularity = "quarter" | "month";
export type TrendOptions = { granularity: TrendGranularity; periods: number; periodsGiven: boolean };

/** How many periods are shown when the URL does not say: two years of quarters, one of months. */
export const DEFAULT_PERIODS: Record<TrendGranularity, number> = { quarter: 8, month: 12 };
export const MAX_PERIODS = 60;

/** The trend's own URL parameters; anything malformed falls back to the default. */
export function readTrendOptions(params: SearchParams): TrendOptions {
  const granularity: TrendGranularity = firstParam(params.granularity) === "month" ? "month" : "quarter";
  const periodsParam = firstParam(params.periods);
  const periods = periodsParam && /^\d{1,2}$/.test(periodsParam) ? Number(periodsParam) : NaN;
  const valid = Number.isInteger(periods) && periods >= 1 && periods <= MAX_PERIODS;
  return { granularity, periods: valid ? periods : DEFAULT_PERIODS[granularity], periodsGiven: valid };
}

/** `sort` of the matrix and the State index: by score, or (anything else) by name. */
export function readScoreSort(value: string | string[] | undefined): "name" | "score" {
  return firstParam(value) === "score" ? "score" : "name";
}

/** `columns` of the matrix: the 1-based page of recommendation columns. */
export function readColumnPage(value: string | string[] | undefined): number {
  const page = Number(firstParam(value));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

// ---- The review queue ----------------------------------------------------------------------------

export type ReviewParams = { state?: string; source?: string; commitment?: string };

export function readReviewParams(get: Getter): ReviewParams {
  return { state: readParam.stateCode(get("state")), source: readParam.id(get("source")), commitment: readParam.id(get("commitment")) };
}

/** The /review URL for filters and an opened item; only what is set appears. */
export function reviewHref({ state, source, commitment }: ReviewParams): string {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (source) params.set("source", source);
  if (commitment) params.set("commitment", commitment);
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}

// ---- Old URLs ------------------------------------------------------------------------------------

/** Parameters shared links used before the names were one per filter: old name -> today's. */
export const RENAMED_PARAMS: Readonly<Record<string, string>> = { sourceId: "source", themeKey: "theme" };

function renamedParams(search: URLSearchParams): URLSearchParams | null {
  if (!Object.keys(RENAMED_PARAMS).some((name) => search.has(name))) return null;
  const next = new URLSearchParams();
  for (const [key, value] of search) {
    const name = RENAMED_PARAMS[key] ?? key;
    // Where a link has both, today's name wins.
    if (name !== key && search.has(name)) continue;
    next.append(name, value);
  }
  return next;
}

/** A report page's query with today's parameter names ("?…" or ""), or null when nothing is renamed. */
export function renamedQuery(search: URLSearchParams): string | null {
  const next = renamedParams(search);
  if (!next) return null;
  const text = next.toString();
  return text ? `?${text}` : "";
}

/**
 * The review queue took a State's id as `state`; the URL for it with the State's code instead
 * (without it for an id of no State), or null when `state` is not an id.
 */
export function reviewStateRedirect(params: SearchParams, codeOfStateId: (id: string) => string | undefined): string | null {
  const stateId = readParam.id(params.state);
  if (!stateId) return null;
  const get = getterOf(params);
  return reviewHref({ state: codeOfStateId(stateId), source: readParam.id(get("source")), commitment: readParam.id(get("commitment")) });
}
