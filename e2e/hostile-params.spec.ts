import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

// T08 / T13: hostile values in every query parameter (and id segment) of the public report pages
// and the workspace pages, sent to the production server: every answer is a page or a 404,
// never a 5xx. Each value is put in every parameter of a page at once (each parameter is read on
// its own, so one bad reading cannot hide another), once as a single value and once repeated.

// Percent-encoded as a browser or a script could send them; %ED%A0%80 is a UTF-8 lone surrogate.
const HOSTILE = [
  "%00",
  "children%00",
  "%ED%A0%80",
  "%FF",
  "2023-02-30",
  "0000-01-01",
  "10000-01-01",
  "%2B010000-01-01",
  "-1",
  "NaN",
  "1e308",
  "99999999999999999999",
  "00000000-0000-0000-0000-000000000001",
  "__proto__",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "%27%20OR%201%3D1--",
  "x".repeat(1500),
];

const REPORT_PARAMS = ["source", "theme", "stateGroup", "asOf", "sort", "columns", "granularity", "periods"];
// The names of shared links from before (redirected to today's names): apart, so that each
// redirect's address stays within what an HTTP client accepts in a header.
const OLD_REPORT_PARAMS = ["sourceId", "themeKey"];
const REPORT_PAGES = ["/reports", "/reports/matrix", "/reports/recommendations", "/reports/states", "/reports/trend", "/reports/overdue"];
const LIST_PARAMS = ["state", "status", "theme", "source", "overdue", "q", "sort", "dir", "size", "cursor"];

function withParams(path: string, names: string[], value: string, repeated: boolean) {
  const pairs = names.flatMap((name) => (repeated ? [`${name}=${value}`, `${name}=${value}`] : [`${name}=${value}`]));
  return `${path}?${pairs.join("&")}`;
}

async function expectNoServerErrors(request: APIRequestContext, urls: string[]) {
  const failures: string[] = [];
  for (const url of urls) {
    const response = await request.get(url, { maxRedirects: 0 });
    if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 160)}`);
  }
  expect(failures).toEqual([]);
}

function allValues(path: string, names: string[]) {
  return HOSTILE.flatMap((value) => [withParams(path, names, value, false), withParams(path, names, value, true)]);
}

test.describe("hostile page parameters (T08, T13)", () => {
  test("T13 the public report pages answer every hostile query parameter without a 5xx", async ({ page, demo }) => {
    test.setTimeout(600_000);
    const { stateId, recommendationId } = await demo.commitment("PT", "AAT17-01");
    const pages = [...REPORT_PAGES, `/reports/states/${stateId}`, `/reports/recommendations/${recommendationId}`];
    await expectNoServerErrors(page.request, pages.flatMap((path) => [...allValues(path, REPORT_PARAMS), ...allValues(path, OLD_REPORT_PARAMS)]));
  });

  test("T13 hostile ids in report page paths are 404s, not 5xx", async ({ page }) => {
    const ids = ["%00", "%ED%A0%80", "2023-02-30", "00000000-0000-0000-0000-000000000001", "x".repeat(1500), "..%2F..%2Fetc%2Fpasswd"];
    await expectNoServerErrors(page.request, ids.flatMap((id) => [`/reports/states/${id}`, `/reports/recommendations/${id}`]));
  });

  test("T13 the workspace pages answer every hostile query parameter without a 5xx", async ({ adminPage: page }) => {
    test.setTimeout(600_000);
    const urls = [
      ...allValues("/commitments", LIST_PARAMS),
      ...allValues("/review", ["state", "source", "commitment", "cursor"]),
      ...allValues("/recommendations/new", ["source", "sourceId"]),
      ...allValues("/account", ["mustChange"]),
      ...allValues("/recommendations", ["source", "status", "q"]),
      ...allValues("/admin/users", ["q", "role", "cursor"]),
      ...["%00", "%ED%A0%80", "2023-02-30", "00000000-0000-0000-0000-000000000001"].flatMap((id) => [`/commitments/${id}`, `/recommendations/${id}`, `/admin/users/${id}`]),
    ];
    await expectNoServerErrors(page.request, urls);
  });

  test("T13 the commitments page of a focal point answers hostile parameters without a 5xx", async ({ focalPointPage }) => {
    test.setTimeout(300_000);
    const page = await focalPointPage("AT");
    await expectNoServerErrors(page.request, allValues("/commitments", LIST_PARAMS));
  });
});
