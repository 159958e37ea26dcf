import { describe, expect, it } from "vitest";
import { chooseLocale, localeFromAcceptLanguage } from "@/server/i18n/negotiate";

describe("the request's language", () => {
  it("follows the browser's Accept-Language, by quality, to the nearest of the six", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en-US;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-AT")).toBe("de");
    expect(localeFromAcceptLanguage("pl-PL,fr;q=0.7,en;q=0.5")).toBe("fr");
    expect(localeFromAcceptLanguage("en;q=0.2,es;q=0.9")).toBe("es");
  });

  it("falls back to English for no header, an unknown language, or a malformed one", () => {
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
    expect(localeFromAcceptLanguage("pl-PL,uk;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("be-BY,uk-UA")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
    expect(localeFromAcceptLanguage("\u0000;;q=x,,")).toBe("en");
  });

  it("puts the signed-in user's choice first, then the cookie, then the browser", () => {
    expect(chooseLocale({ profile: "it", cookie: "fr", acceptLanguage: "de" })).toBe("it");
    expect(chooseLocale({ profile: null, cookie: "fr", acceptLanguage: "de" })).toBe("fr");
    expect(chooseLocale({ profile: null, cookie: "xx", acceptLanguage: "de" })).toBe("de");
  });
});
