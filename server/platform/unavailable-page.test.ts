import { describe, expect, it } from "vitest";
import { redirectToUnavailable, safeReturnPath, unavailablePageResponse, unavailablePageUrl } from "@/server/platform/unavailable-page";

describe("the service-unavailable page (T17 pages)", () => {
  it("T17 answers 503 with a clear message, the reference and a way back, and no internals", async () => {
    const response = await unavailablePageResponse(new URL("http://localhost/unavailable?ref=0b6f-42&from=%2Fcommitments%3Fq%3Dx"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const html = await response.text();
    expect(html).toContain("<h1>Service unavailable</h1>");
    expect(html).toContain("Try again");
    expect(html).toContain("Reference: <code>0b6f-42</code>");
    expect(html).toContain('href="/commitments?q=x"');
    expect(html).toContain('<html lang="en">');
  });

  it("speaks the reader's language", async () => {
    const html = await (await unavailablePageResponse(new URL("http://localhost/unavailable?ref=0b6f-42&from=%2F"), "fr")).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1>Service indisponible</h1>");
    expect(html).toContain('<a href="/">Réessayer</a>');
    expect(html).toContain("<code>0b6f-42</code>");
  });

  it("T17 a page that cannot reach the database is redirected there with its request id and path", () => {
    let thrown: unknown;
    try {
      redirectToUnavailable("req-1", "/commitments/abc?tab=history");
    } catch (error) {
      thrown = error;
    }
    expect(String((thrown as { digest?: string }).digest)).toContain("/unavailable?ref=req-1&from=%2Fcommitments%2Fabc%3Ftab%3Dhistory");
  });

  it("T17 the way back stays on this site and the reference cannot inject markup", async () => {
    for (const hostile of ["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", "/%0a/evil"]) {
      expect(safeReturnPath(hostile).startsWith("//")).toBe(false);
      expect(new URL(safeReturnPath(hostile), "http://app.test").host).toBe("app.test");
    }
    expect(unavailablePageUrl("<script>", "/x")).toBe("/unavailable?from=%2Fx");
    const html = await (await unavailablePageResponse(new URL('http://localhost/unavailable?ref=%3Cb%3E&from=%2F%22%3E%3Cscript%3E'))).text();
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>");
  });
});
