import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  exportApiParams,
  readColumnPage,
  readReportFilters,
  readReviewParams,
  readScoreSort,
  readTrendOptions,
  renamedQuery,
  reportQuery,
  reviewStateRedirect,
  type SearchParams,
} from "@/components/url-params";
import { MATRIX_PAGE_COLUMNS, ZMatrixInput, ZTrendInput } from "@/server/schemas/reports";

// T08 / T13: whatever a report page's URL holds, the parameters read from it are valid input for
// the report's API schema, so the page shows the report (ignoring what is malformed) instead of an
// error page (a 500 from the server-side call).

const HOSTILE = [
  "2023-02-30",
  "0000-01-01",
  "10000-01-01",
  "2023-13-01",
  "2023-1-1",
  "\u0000",
  "children\u0000",
  "\ud800",
  "x".repeat(10_000),
  "00000000-0000-0000-0000-000000000001",
  "0195b0a0-0000-7000-8000-00000000000g",
  "NaN",
  "-1",
  "1e308",
  "99",
  " ",
  "__proto__",
];

const paramValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 3 }),
  fc.constant(undefined),
);
const PARAMS = ["source", "theme", "stateGroup", "asOf", "sort", "columns", "granularity", "periods"] as const;

function pageInputs(params: SearchParams) {
  const filters = readReportFilters(params);
  const trend = readTrendOptions(params);
  const page = readColumnPage(params.columns);
  return {
    matrix: { ...filters, sort: readScoreSort(params.sort), columnOffset: (page - 1) * MATRIX_PAGE_COLUMNS, columnLimit: MATRIX_PAGE_COLUMNS },
    trend: { ...filters, granularity: trend.granularity, periods: trend.periods },
  };
}

describe("report page parameters (T08, T13)", () => {
  it.each(PARAMS.flatMap((name) => HOSTILE.map((value) => [name, value] as const)))("T13 %s = %j reads as valid report input", (name, value) => {
    const inputs = pageInputs({ [name]: value });
    expect(ZMatrixInput.safeParse(inputs.matrix).success).toBe(true);
    expect(ZTrendInput.safeParse(inputs.trend).success).toBe(true);
  });

  it("T13 any combination of values (fast-check) reads as valid report input", () => {
    fc.assert(
      fc.property(fc.record(Object.fromEntries(PARAMS.map((name) => [name, paramValue])) as Record<(typeof PARAMS)[number], typeof paramValue>), (params) => {
        const inputs = pageInputs(params as SearchParams);
        expect(ZMatrixInput.safeParse(inputs.matrix).error?.issues ?? []).toEqual([]);
        expect(ZTrendInput.safeParse(inputs.trend).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it("keeps the valid values", () => {
    const filters = readReportFilters({ source: "0195b0a0-0000-7000-8000-000000000000", theme: "children", stateGroup: "all", asOf: "2024-02-29" });
    expect(filters).toEqual({ sourceId: "0195b0a0-0000-7000-8000-000000000000", themeKey: "children", stateGroup: "all", asOf: "2024-02-29" });
  });

  it("writes the filters back with the names it reads", () => {
    const filters = readReportFilters({ source: SOURCE, theme: "children", stateGroup: "partners", asOf: "2024-02-29" });
    expect(readReportFilters(Object.fromEntries(new URLSearchParams(reportQuery(filters, { sort: "score" }))))).toEqual(filters);
    expect(reportQuery(filters)).toBe(`?source=${SOURCE}&theme=children&stateGroup=partners&asOf=2024-02-29`);
    expect(reportQuery({ stateGroup: "participating" })).toBe("");
  });
});

const SOURCE = "0195b0a0-0000-7000-8000-000000000000";
const AUSTRIA = "0195b0a0-0000-7000-8000-0000000000a7";

describe("one name per filter, and the old names of shared links", () => {
  it("maps the old report parameter names onto today's, keeping the others and their order", () => {
    expect(renamedQuery(new URLSearchParams(`sourceId=${SOURCE}&asOf=2024-01-01&themeKey=children`))).toBe(`?source=${SOURCE}&asOf=2024-01-01&theme=children`);
    expect(renamedQuery(new URLSearchParams("themeKey="))).toBe("?theme=");
  });

  it("leaves a URL with today's names alone, and prefers today's name where a link has both", () => {
    expect(renamedQuery(new URLSearchParams(`source=${SOURCE}&sort=score`))).toBeNull();
    expect(renamedQuery(new URLSearchParams(""))).toBeNull();
    expect(renamedQuery(new URLSearchParams(`sourceId=old&source=${SOURCE}`))).toBe(`?source=${SOURCE}`);
  });

  it("gives the export API its field names, from today's names and from the old ones", () => {
    const today = exportApiParams(new URLSearchParams(`report=matrix&format=csv&source=${SOURCE}&theme=children&sort=score`));
    expect(Object.fromEntries(today)).toEqual({ report: "matrix", format: "csv", sourceId: SOURCE, themeKey: "children", sort: "score" });
    const old = exportApiParams(new URLSearchParams(`report=matrix&format=csv&sourceId=${SOURCE}&themeKey=children`));
    expect(Object.fromEntries(old)).toEqual({ report: "matrix", format: "csv", sourceId: SOURCE, themeKey: "children" });
  });

  it("redirects a review queue link that names the State by its id to the State's code, keeping the rest", () => {
    const codeOf = (id: string) => (id === AUSTRIA ? "AT" : undefined);
    expect(reviewStateRedirect({ state: AUSTRIA, source: SOURCE, commitment: SOURCE }, codeOf)).toBe(`/review?state=AT&source=${SOURCE}&commitment=${SOURCE}`);
    expect(reviewStateRedirect({ state: AUSTRIA.toUpperCase() }, codeOf)).toBe("/review?state=AT");
    // An id of no State: the queue unfiltered rather than a filter that cannot be shown.
    expect(reviewStateRedirect({ state: "0195b0a0-0000-7000-8000-0000000000ff" }, codeOf)).toBe("/review");
    expect(reviewStateRedirect({ state: "AT" }, codeOf)).toBeNull();
    expect(reviewStateRedirect({ state: "x", source: SOURCE }, codeOf)).toBeNull();
  });

  it("reads the State as a code and the source and commitment as ids on the review queue", () => {
    expect(readReviewParams((name) => ({ state: "AT", source: SOURCE.toUpperCase(), commitment: "nope" })[name])).toEqual({ state: "AT", source: SOURCE, commitment: undefined });
    expect(readReviewParams((name) => ({ state: AUSTRIA })[name]).state).toBeUndefined();
  });
});
