import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import { GET as exportGet } from "@/app/api/reports/export/route";
import { SOCKET_ADDRESS_HEADER, markServedWithSocketAddress } from "@/server/platform/client-address";

const ORIGIN = "http://localhost:3120";
let nextAddress = 1;
/** A client address no other test uses, so each test starts with a full budget. */
const freshAddress = () => `203.0.113.${nextAddress++}`;

function reportRequest(address: string, forwardedFor?: string, batch = 1) {
  const names = Array.from({ length: batch }, () => "reports.overdue").join(",");
  const input =
    batch === 1
      ? JSON.stringify({})
      : JSON.stringify(Object.fromEntries(Array.from({ length: batch }, (_, index) => [index, {}])));
  const url = `${ORIGIN}/api/trpc/${names}?${batch === 1 ? "" : "batch=1&"}input=${encodeURIComponent(input)}`;
  return new Request(url, {
    headers: { [SOCKET_ADDRESS_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
  });
}

const exportRequest = (address: string) =>
  new Request(`${ORIGIN}/api/reports/export?report=overdue&format=csv`, { headers: { [SOCKET_ADDRESS_HEADER]: address } });

beforeAll(() => {
  markServedWithSocketAddress(true);
  vi.stubEnv("RATE_LIMIT_REPORTS_PER_MINUTE", "3");
  vi.stubEnv("RATE_LIMIT_EXPORTS_PER_MINUTE", "2");
});
afterAll(() => {
  markServedWithSocketAddress(false);
  vi.unstubAllEnvs();
});

describe("per-client limits of reports and exports (T22)", () => {
  it("T22 report calls past the client's limit get 429 with Retry-After; other clients are still served", async () => {
    const address = freshAddress();
    for (let call = 0; call < 3; call++) expect((await trpcGet(reportRequest(address))).status).toBe(200);
    const refused = await trpcGet(reportRequest(address));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.text()).toMatch(/Too many report requests/);
    expect((await trpcGet(reportRequest(freshAddress()))).status).toBe(200);
  });

  it("T22 a batch of several reports is refused whole before it counts against the client's allowance", async () => {
    const address = freshAddress();
    const batch = await trpcGet(reportRequest(address, undefined, 5));
    expect(batch.status).toBe(400);
    const statuses: number[] = [];
    for (let call = 0; call < 4; call++) statuses.push((await trpcGet(reportRequest(address))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("T22 a rotating X-Forwarded-For does not make a new client", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let call = 0; call < 5; call++) statuses.push((await trpcGet(reportRequest(address, `198.51.100.${call}`))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("T22 exports past the client's limit get 429 with Retry-After before any report is built", async () => {
    const address = freshAddress();
    for (let call = 0; call < 2; call++) expect((await exportGet(exportRequest(address))).status).toBe(200);
    const refused = await exportGet(exportRequest(address));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Too many export requests/);
  });

  it("T25 the counters live in PostgreSQL, not in the process: freshly loaded app modules see the same budget", async () => {
    const address = freshAddress();
    for (let call = 0; call < 3; call++) expect((await trpcGet(reportRequest(address))).status).toBe(200);
    vi.resetModules();
    const other = await import("@/app/api/trpc/[trpc]/route");
    expect((await other.GET(reportRequest(address))).status).toBe(429);
  });
});
