import { STATE_GROUPS } from "@/server/schemas/reports";
import { passes, zDateOnly, zId, zText } from "@/server/schemas/common";

export type ReportSearchParams = Record<string, string | string[] | undefined>;
export type ReportFilterValues = { sourceId?: string; themeKey?: string; stateGroup: (typeof STATE_GROUPS)[number]; asOf?: string };


function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single ? single.trim() || undefined : undefined;
}

/**
 * The report filters from a page URL; anything malformed is ignored rather than an error page.
 * Each value is checked by the same rules as the API's schema (ZReportFilters): a value that
 * passed here but not there (2023-02-30, a NUL in a theme) would be an error page.
 */
export function readReportFilters(params: ReportSearchParams): ReportFilterValues {
  const sourceId = first(params.sourceId);
  const themeKey = first(params.themeKey);
  const stateGroup = first(params.stateGroup);
  const asOf = first(params.asOf);
  return {
    sourceId: sourceId && passes(zId, sourceId) ? sourceId : undefined,
    themeKey: themeKey && passes(zText(50), themeKey) ? themeKey : undefined,
    stateGroup: STATE_GROUPS.includes(stateGroup as never) ? (stateGroup as ReportFilterValues["stateGroup"]) : "participating",
    asOf: asOf && passes(zDateOnly, asOf) ? asOf : undefined,
  };
}

/** A query string with the filters (and extra parameters), for links and exports. */
export function reportQuery(filters: Partial<ReportFilterValues>, extra: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== "" && !(key === "stateGroup" && value === "participating")) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
