import { expect, test, type APIResponse } from "@playwright/test";
import { BASE_URL } from "./base-url";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["x-powered-by"]).toBeUndefined();
}

test.describe("headers (T12)", () => {
  test("pages carry a nonce-based CSP and no-store", async ({ request }) => {
    const response = await request.get("/sign-in");
    expectSecurityHeaders(response);
    const csp = response.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers()["cache-control"]).toContain("no-store");
  });

  test("API, 404 and static assets carry the headers too", async ({ request, page }) => {
    expectSecurityHeaders(await request.get("/api/health"));
    const missing = await request.get("/api/no-such-endpoint");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing);
    await page.goto("/sign-in");
    const script = await page.locator("script[src^='/_next/static']").first().getAttribute("src");
    expectSecurityHeaders(await request.get(script!));
  });
});

test.describe("malformed and oversize API input (T13)", () => {
  const origin = () => ({ origin: BASE_URL });

  test("a 2 MB body is refused with 413 and the server keeps serving", async ({ request }) => {
    const response = await request.post("/api/trpc/commitments.saveDraft", {
      headers: { ...origin(), "content-type": "application/json" },
      data: JSON.stringify({ narrative: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status()).toBe(413);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("broken JSON gets a 4xx, never a 5xx, and no internals", async ({ request }) => {
    const response = await request.post("/api/trpc/commitments.saveDraft", {
      headers: { ...origin(), "content-type": "application/json" },
      data: "{\"narrative\": {",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/prisma|postgres|at \//i);
  });

  test("deeply nested input gets a 4xx", async ({ request }) => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const response = await request.post("/api/trpc/commitments.saveDraft", {
      headers: { ...origin(), "content-type": "application/json" },
      data: deep,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  });

  test("a huge batch is refused", async ({ request }) => {
    const names = Array.from({ length: 200 }, () => "account.me").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, index) => [index, null]))));
    const response = await request.get(`/api/trpc/${names}?batch=1&input=${input}`);
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("a cross-site POST is refused (T06)", async ({ request }) => {
    const response = await request.post("/api/trpc/commitments.saveDraft", {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: JSON.stringify({}),
    });
    expect(response.status()).toBe(403);
  });

  test("a signed-out mutation is UNAUTHORIZED (401), not a 500", async ({ request }) => {
    const response = await request.post("/api/trpc/commitments.saveDraft", {
      headers: { ...origin(), "content-type": "application/json" },
      data: JSON.stringify({ commitmentId: "0195b0a0-0000-7000-8000-000000000000", content: { statusId: "0195b0a0-0000-7000-8000-000000000000", progress: 1, narrative: "", evidence: [] } }),
    });
    expect(response.status()).toBe(401);
  });
});
