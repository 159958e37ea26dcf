import { describe, expect, it } from "vitest";
import { sortStatesByName, stateName } from "@/server/shared/state-names";

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

  it("orders States by their names in the reader's language", () => {
    const english: Record<string, string> = { DE: "Germany", AT: "Austria", ES: "Spain", EE: "Estonia", RU: "Russian Federation" };
    const states = Object.entries(english).map(([iso2, name]) => ({ iso2, name }));
    const names = (locale: "en" | "fr" | "de" | "ru") => sortStatesByName(states, locale).map((state) => stateName(state.iso2, state.name, locale));
    expect(names("en")).toEqual(["Austria", "Estonia", "Germany", "Russian Federation", "Spain"]);
    expect(names("fr")).toEqual(["Allemagne", "Autriche", "Espagne", "Estonie", "Fédération de Russie"]);
    expect(names("de")).toEqual(["Deutschland", "Estland", "Österreich", "Russische Föderation", "Spanien"]);
    expect(names("ru")).toEqual(["Австрия", "Германия", "Испания", "Российская Федерация", "Эстония"]);
  });
});
