import { describe, expect, it } from "vitest";
import { canTransition, type ReviewState, type UpdateTransition } from "@/server/services/progress-updates";

describe("update state machine (pure)", () => {
  const table: [ReviewState, UpdateTransition, boolean][] = [
    ["DRAFT", "edit", true],
    ["DRAFT", "submit", true],
    ["DRAFT", "delete", true],
    ["DRAFT", "accept", false],
    ["DRAFT", "return", false],
    ["SUBMITTED", "edit", false],
    ["SUBMITTED", "submit", false],
    ["SUBMITTED", "delete", false],
    ["SUBMITTED", "accept", true],
    ["SUBMITTED", "return", true],
    ["ACCEPTED", "edit", false],
    ["ACCEPTED", "submit", false],
    ["ACCEPTED", "delete", false],
    ["ACCEPTED", "accept", false],
    ["ACCEPTED", "return", false],
    ["RETURNED", "edit", false],
    ["RETURNED", "submit", false],
    ["RETURNED", "delete", false],
    ["RETURNED", "accept", false],
    ["RETURNED", "return", false],
  ];
  it.each(table)("%s --%s--> %s", (from, transition, allowed) => {
    expect(canTransition(from, transition)).toBe(allowed);
  });
});
