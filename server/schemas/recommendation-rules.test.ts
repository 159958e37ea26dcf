import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zDateOnly } from "@/server/schemas/common";
import { ZAddAddresseesInput, ZCreateRecommendationInput, ZUpdateRecommendationInput } from "@/server/schemas/recommendations";
import { ZCreateSourceInput } from "@/server/schemas/sources";
import {
  addedStatesProblem,
  addresseesProblem,
  dateProblem,
  recommendationTextProblem,
  referenceProblem,
  sourceDescriptionProblem,
  sourceKindProblem,
  sourceLinkProblem,
  sourceLocationProblem,
  sourceTitleProblem,
  themeKeysProblem,
} from "@/server/schemas/recommendation-rules";

// The recommendation, source and add-States forms check without zod; the API checks with the zod
// schemas. Both must give the same first message for any value.

function zodProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

const id = (n: number) => `0195b0a0-0000-7000-8000-${n.toString().padStart(12, "0")}`;
const ids = (count: number) => Array.from({ length: count }, (_, n) => id(n));
const SOURCE_ID = id(999);

const texts = (max: number) => ["", "   ", "AAT17-09", "  padded  ", "a\u0000b", "lone \ud800 surrogate", "x".repeat(max), ` ${"x".repeat(max)} `, "x".repeat(max + 1), `${"x".repeat(max + 1)}\u0000`];
const named = (values: string[]) => values.map((value) => [JSON.stringify(value.slice(0, 20)), value.length, value] as const);
const DATES = ["2026-12-31", "0000-01-01", "0001-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "2026-13-01", "2026-04-31", "2026-4-1", "31.12.2026", "2026-12-31T00:00", " 2026-12-31", "", "not a date"];
const URLS = ["https://www.osce.org/odihr", "http://example.test", "  https://example.test/a  ", "ftp://example.test", "javascript:alert(1)", "not a url", "   ", `https://example.test/${"a".repeat(1990)}`];

/** A whole recommendation, valid but for the overrides. */
function recommendation(overrides: Record<string, unknown>) {
  return { sourceId: SOURCE_ID, reference: "AAT17-09", text: "Text", themeKeys: [], addressAllParticipating: true, addresseeStateIds: [], ...overrides };
}

describe("the recommendation forms' checks and the API's schemas agree", () => {
  it.each(named(texts(50)))("reference %s (%i characters)", (_name, _length, value) => {
    expect(referenceProblem(value)).toBe(zodProblem(ZCreateRecommendationInput, recommendation({ reference: value })));
    expect(referenceProblem(value)).toBe(zodProblem(ZUpdateRecommendationInput.shape.reference, value));
  });

  it.each(named(texts(20_000)))("text %s (%i characters)", (_name, _length, value) => {
    expect(recommendationTextProblem(value)).toBe(zodProblem(ZCreateRecommendationInput, recommendation({ text: value })));
  });

  it.each([0, 1, 50, 51])("%i themes", (count) => {
    const keys = Array.from({ length: count }, (_, n) => `theme-${n}`);
    expect(themeKeysProblem(keys)).toBe(zodProblem(ZCreateRecommendationInput, recommendation({ themeKeys: keys })));
  });

  it.each([
    [true, 0],
    [true, 3],
    [true, 68],
    [true, 69],
    [false, 0],
    [false, 1],
    [false, 68],
    [false, 69],
  ])("all participating %s, %i chosen States", (all, count) => {
    const chosen = ids(count);
    expect(addresseesProblem(all, chosen)).toBe(zodProblem(ZCreateRecommendationInput, recommendation({ addressAllParticipating: all, addresseeStateIds: chosen })));
  });

  it.each([0, 1, 68, 69])("%i States added", (count) => {
    expect(addedStatesProblem(ids(count))).toBe(zodProblem(ZAddAddresseesInput.shape.stateIds, ids(count)));
  });

  it.each(DATES)("date %j", (value) => {
    expect(dateProblem(value, false)).toBe(zodProblem(zDateOnly, value));
    expect(dateProblem(value, false)).toBe(zodProblem(ZCreateSourceInput.shape.date, value));
    if (value !== "") expect(dateProblem(value, true)).toBe(zodProblem(ZCreateRecommendationInput, recommendation({ dueDate: value })));
  });
});

describe("the source form's checks and the API's schema agree", () => {
  it.each(named(texts(300)))("title %s (%i characters)", (_name, _length, value) => {
    expect(sourceTitleProblem(value)).toBe(zodProblem(ZCreateSourceInput.shape.title, value));
  });

  it.each(["CONFERENCE", "ACTION_PLAN", "MONITORING_CYCLE", "OTHER", "", "conference", "SUMMIT"])("kind %j", (value) => {
    expect(sourceKindProblem(value)).toBe(zodProblem(ZCreateSourceInput.shape.kind, value));
  });

  it.each(named(texts(200).filter((value) => value !== "")))("location %s (%i characters)", (_name, _length, value) => {
    expect(sourceLocationProblem(value)).toBe(zodProblem(ZCreateSourceInput.shape.location, value));
  });

  it.each(URLS)("link %j", (value) => {
    expect(sourceLinkProblem(value)).toBe(zodProblem(ZCreateSourceInput.shape.link, value));
  });

  it.each(named(texts(20_000).filter((value) => value !== "")))("description %s (%i characters)", (_name, _length, value) => {
    expect(sourceDescriptionProblem(value)).toBe(zodProblem(ZCreateSourceInput.shape.description, value));
  });
});
