import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZAcceptUpdateInput, ZRecordAssessmentInput, ZReturnUpdateInput } from "@/server/schemas/commitments";
import { zId } from "@/server/schemas/common";
import { rationaleProblem, reviewCommentProblem } from "@/server/schemas/review-rules";
import { ID_MESSAGE, isId } from "@/server/schemas/text-rules";

// The review forms check without zod; the API checks with the zod schemas. Both must give the
// same first message for any value.

function zodProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

const TEXTS = ["", "   ", "Well documented.", "  padded  ", "a\u0000b", "lone \ud800 surrogate", "x".repeat(5000), ` ${"x".repeat(5000)} `, "x".repeat(5001), `${"x".repeat(5001)}\u0000`, "x".repeat(10_000), "x".repeat(10_001)];
const IDS = [
  "0195b0a0-0000-7000-8000-000000000000",
  "0195B0A0-0000-7000-8000-00000000000A",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "0195b0a0-0000-0000-8000-000000000000",
  "0195b0a0-0000-7000-c000-000000000000",
  "0195b0a0-0000-9000-8000-000000000000",
  "0195b0a00000-7000-8000-000000000000",
  " 0195b0a0-0000-7000-8000-000000000000",
  "0195b0a0-0000-7000-8000-00000000000g",
  "",
  "not-an-id",
];

describe("the review forms' checks and the API's schemas agree", () => {
  it.each(TEXTS.map((text) => [JSON.stringify(text.slice(0, 20)), text.length, text] as const))("comment %s (%i characters)", (_name, _length, text) => {
    expect(reviewCommentProblem("accept", text)).toBe(zodProblem(ZAcceptUpdateInput.shape.comment, text));
    expect(reviewCommentProblem("return", text)).toBe(zodProblem(ZReturnUpdateInput.shape.comment, text));
    expect(rationaleProblem(text)).toBe(zodProblem(ZRecordAssessmentInput.shape.rationale, text));
  });

  it.each(IDS)("id %j", (id) => {
    expect(isId(id) ? null : ID_MESSAGE).toBe(zodProblem(zId, id));
  });
});
