import { describe, expect, it } from "vitest";
import { ZUpdateContent, type TUpdateContent } from "@/server/schemas/commitments";
import { updateContentProblems } from "@/server/schemas/update-content-rules";

// The update form checks an update without zod; the API checks it with ZUpdateContent. For any
// content, both must name the same fields with the same (first) message.

const STATUS_ID = "0195b0a0-0000-7000-8000-000000000001";

function zodProblems(content: unknown): Record<string, string> {
  const result = ZUpdateContent.safeParse(content);
  const problems: Record<string, string> = {};
  if (result.success) return problems;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    problems[path] ??= issue.message;
  }
  return problems;
}

function content(overrides: Partial<TUpdateContent> = {}): TUpdateContent {
  return { statusId: STATUS_ID, progress: 40, narrative: "", evidence: [], ...overrides };
}

const link = (title: string, url: string) => ({ title, url, isPublic: true });

const TEXTS = ["", "   ", "Bill 17/2026", "a\u0000b", "lone \ud800 surrogate", "x".repeat(100), "x".repeat(101), "x".repeat(300), "x".repeat(301)];
const URLS = ["", "  ", "https://www.parlament.gv.at/bill", "  https://example.test/a  ", "http://example.test", "ftp://example.test", "javascript:alert(1)", "not a url", "https://\u0000.test", `https://example.test/${"a".repeat(1990)}`, `https://example.test/${"a".repeat(1985)}`];
const PROGRESS = [0, 40, 100, -1, 101, 12.5, Number.NaN, Number.POSITIVE_INFINITY, 1e20, -0];

const CASES: [string, TUpdateContent][] = [
  ["an empty update", content()],
  ["a full update", content({ narrative: "Adopted.", reportingPeriod: "2026 Q4", evidence: [link("Law", "https://example.test/law")] })],
  ["a narrative at the limit", content({ narrative: "n".repeat(10_000) })],
  ["a narrative over the limit", content({ narrative: "n".repeat(10_001) })],
  ["a narrative over the limit with a NUL", content({ narrative: `${"n".repeat(10_001)}\u0000` })],
  ["a narrative with a NUL and a lone surrogate", content({ narrative: "a\u0000\udc00" })],
  ["several fields wrong at once", content({ progress: 101, narrative: "a\u0000", reportingPeriod: "p".repeat(101), evidence: [link("", "ftp://x"), link("ok", "")] })],
  ["21 evidence links", content({ evidence: Array.from({ length: 21 }, (_, index) => link(`Link ${index}`, `https://example.test/${index}`)) })],
  ["21 evidence links, one broken", content({ evidence: Array.from({ length: 21 }, (_, index) => link(index === 3 ? "" : `Link ${index}`, `https://example.test/${index}`)) })],
  ...PROGRESS.map((progress): [string, TUpdateContent] => [`progress ${progress}`, content({ progress })]),
  ...TEXTS.map((text): [string, TUpdateContent] => [`narrative and period ${JSON.stringify(text.slice(0, 20))} (${text.length})`, content({ narrative: text, reportingPeriod: text })]),
  ...TEXTS.flatMap((title) =>
    URLS.map((url): [string, TUpdateContent] => [`evidence ${JSON.stringify(title.slice(0, 20))} (${title.length}), ${JSON.stringify(url.slice(0, 30))} (${url.length})`, content({ evidence: [link("ok", "https://ok.test"), link(title, url)] })]),
  ),
];

describe("the update form's checks and the API's schema agree", () => {
  it.each(CASES)("%s", (_name, value) => {
    expect(updateContentProblems(value)).toEqual(zodProblems(value));
  });

  it("finds at least one problem in most of the cases (the table is not all valid input)", () => {
    const withProblems = CASES.filter(([, value]) => Object.keys(zodProblems(value)).length > 0);
    expect(withProblems.length).toBeGreaterThan(CASES.length / 2);
  });
});
