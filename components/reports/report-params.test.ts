import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readReportFilters, type ReportSearchParams } from "@/components/reports/report-params";
import { readMatrixColumnPage, readMatrixSort } from "@/components/reports/matrix-sort";
import { readTrendOptions } from "@/components/reports/trend-params";
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
const PARAMS = ["sourceId", "themeKey", "stateGroup", "asOf", "sort", "columns", "granularity", "periods"] as const;

function pageInputs(params: ReportSearchParams) {
  const filters = readReportFilters(params);
  const trend = readTrendOptions(params);
  const page = readMatrixColumnPage(params.columns);
  return {
    matrix: { ...filters, sort: readMatrixSort(params.sort), columnOffset: (page - 1) * MATRIX_PAGE_COLUMNS, columnLimit: MATRIX_PAGE_COLUMNS },
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
        const inputs = pageInputs(params as ReportSearchParams);
        expect(ZMatrixInput.safeParse(inputs.matrix).error?.issues ?? []).toEqual([]);
        expect(ZTrendInput.safeParse(inputs.trend).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it("keeps the valid values", () => {
    const filters = readReportFilters({ sourceId: "0195b0a0-0000-7000-8000-000000000000", themeKey: "children", stateGroup: "all", asOf: "2024-02-29" });
    expect(filters).toEqual({ sourceId: "0195b0a0-0000-7000-8000-000000000000", themeKey: "children", stateGroup: "all", asOf: "2024-02-29" });
  });
});
