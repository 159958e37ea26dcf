import { describe, expect, it } from "vitest";
import { stateName } from "@/server/shared/state-names";

describe("State names in the reader's language", () => {
  it("keeps the OSCE's English names in English", () => {
    expect(stateName("VA", "Holy See", "en")).toBe("Holy See");
    expect(stateName("TR", "Türkiye", "en")).toBe("Türkiye");
  });

  it("uses CLDR's names in the other languages", () => {
    expect(stateName("DE", "Germany", "fr")).toBe("Allemagne");
    expect(stateName("MK", "North Macedonia", "ru")).toBe("Северная Македония");
    expect(stateName("AT", "Austria", "it")).toBe("Austria");
  });

  it("uses the OSCE's own names where CLDR differs (Holy See, Russian Federation, Türkiye)", () => {
    expect(stateName("VA", "Holy See", "fr")).toBe("Saint-Siège");
    expect(stateName("VA", "Holy See", "ru")).toBe("Святой Престол");
    expect(stateName("RU", "Russian Federation", "de")).toBe("Russische Föderation");
    expect(stateName("TR", "Türkiye", "es")).toBe("Türkiye");
  });

  it("falls back to the English name for a code no source knows", () => {
    expect(stateName("AA", "Somewhere", "de")).toBe("Somewhere");
  });
});
