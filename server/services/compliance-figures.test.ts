import { describe, expect, it } from "vitest";
import { computeFigures, type FigureCell } from "@/server/services/compliance-figures";
import { formatPercent, formatShare } from "@/server/shared/figures";

const cell = (progress: number, odihrLevel: FigureCell["odihrLevel"], countsTowardsAverage = true): FigureCell => ({
  progress,
  odihrLevel,
  countsTowardsAverage,
});

describe("compliance figures", () => {
  it("counts, shares and means over counted commitments only (Not applicable left out)", () => {
    const figures = computeFigures([
      cell(100, "FULLY"),
      cell(60, "PARTIALLY"),
      cell(40, "PARTIALLY"),
      cell(0, "NOT_IMPLEMENTED"),
      cell(0, null, false), // not applicable
    ]);
    expect(figures.commitments).toBe(5);
    expect(figures.counted).toBe(4);
    expect(figures.implemented).toBe(1);
    expect(figures.shareImplemented).toBe(0.25);
    expect(figures.meanProgress).toBe(50);
    expect(figures.byOdihr).toEqual({ FULLY: 1, MOSTLY: 0, PARTIALLY: 2, NOT_IMPLEMENTED: 1, NOT_RATED: 1 });
  });

  it("has no share or mean when nothing is counted, rather than a misleading zero", () => {
    const figures = computeFigures([cell(0, null, false)]);
    expect(figures.shareImplemented).toBeNull();
    expect(figures.meanProgress).toBeNull();
    expect(computeFigures([]).commitments).toBe(0);
  });

  it("formats with one decimal and a dash for nothing", () => {
    expect(formatShare(0.25, "en")).toBe("25.0%");
    expect(formatShare(2 / 3, "en")).toBe("66.7%");
    expect(formatShare(null, "en")).toBe("—");
    expect(formatPercent(47.25, "en")).toBe("47.3%");
    expect(formatPercent(null, "en")).toBe("—");
  });
});
