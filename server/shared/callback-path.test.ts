import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginPath } from "@/server/shared/callback-path";

// The tricky forms of T21: each would leave the site if followed as given.
const OFFSITE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  " //evil.example",
  "\t//evil.example",
  "https://evil.example/",
  "http:evil.example",
  "//localhost:3120@evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
];

describe("callback paths (T21)", () => {
  it("T21 open redirect: every tricky form leads to / on the sign-in page", () => {
    for (const value of OFFSITE) expect(safeCallbackPath(value), JSON.stringify(value)).toBe("/");
  });

  it("T21 encoded slashes stay an encoded path on this site", () => {
    // Decoded once by the query string: "%2F%2Fevil.example" arrives as "//evil.example".
    expect(safeCallbackPath("//evil.example")).toBe("/");
    // Still encoded after that: a path segment on this site, not a host.
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/%5C%5Cevil.example")).toBe("/%5C%5Cevil.example");
  });

  it("keeps paths on this site with their query and fragment", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/reports/matrix?sourceId=abc&asOf=2026-01-01#top")).toBe("/reports/matrix?sourceId=abc&asOf=2026-01-01#top");
    expect(safeCallbackPath("/a/../reports")).toBe("/reports");
  });

  it("never returns to the sign-in page itself, nor to nothing", () => {
    for (const value of ["/sign-in", "/sign-in?callbackUrl=%2Faccount", "/sign-in/", undefined, ""]) {
      expect(safeCallbackPath(value)).toBe("/");
    }
    expect(safeCallbackPath("/sign-in-help")).toBe("/sign-in-help");
  });

  it("accepts absolute URLs only on the given origin", () => {
    const origin = "http://localhost:3120";
    expect(sameOriginPath("http://localhost:3120/account?x=1", origin)).toBe("/account?x=1");
    expect(sameOriginPath("http://localhost:3121/account", origin)).toBeNull();
    expect(sameOriginPath("http://localhost:3120@evil.example/", origin)).toBeNull();
    expect(sameOriginPath("http://localhost:3120/account")).toBeNull();
    for (const value of OFFSITE) expect(sameOriginPath(value, origin), JSON.stringify(value)).toBeNull();
  });
});
