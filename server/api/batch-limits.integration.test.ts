import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/trpc/[trpc]/route";
import { createPublishedCommitments } from "@/server/test/factories";

// T22: a public GET cannot batch expensive reports (20 trend reports at 5 s each at OSCE scale):
// a request asks for at most one report; cheap procedures still batch up to 20.

function batchUrl(calls: [string, unknown][]) {
  const names = calls.map(([name]) => name).join(",");
  const input = Object.fromEntries(calls.map(([, value], index) => [index, value]));
  return `http://localhost/api/trpc/${names}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

async function get(url: string) {
  const response = await GET(new Request(url));
  return { status: response.status, body: await response.text() };
}

describe("tRPC batch limits (T22)", () => {
  it("T22 a batch of 20 trend reports is refused with 400 before any of them runs", async () => {
    const result = await get(batchUrl(Array.from({ length: 20 }, () => ["reports.trend", { periods: 60 }] as [string, unknown])));
    expect(result.status).toBe(400);
    expect(result.body).toContain("at most one report");
  });

  it("T22 two different reports in one batch are refused, also when the names are percent-encoded", async () => {
    expect((await get(batchUrl([["reports.matrix", {}], ["reports.overdue", {}]]))).status).toBe(400);
    const encoded = batchUrl([["reports.matrix", {}], ["reports.trend", {}]]).replace("reports.trend", "reports%2Etrend");
    expect((await get(encoded)).status).toBe(400);
  });

  it("one report batched with cheap procedures is served", async () => {
    const world = await createPublishedCommitments(["AT"]);
    const result = await get(
      batchUrl([
        ["reports.matrix", { sourceId: world.source.id }],
        ["sources.list", {}],
        ["recommendations.themes", undefined],
      ]),
    );
    expect(result.status).toBe(200);
    const items = JSON.parse(result.body) as { result?: unknown; error?: unknown }[];
    expect(items.map((item) => "result" in item)).toEqual([true, true, true]);
  });

  it("T13 cheap procedures still batch up to 20, and 21 are refused", async () => {
    const calls = (count: number) => Array.from({ length: count }, () => ["recommendations.themes", undefined] as [string, unknown]);
    expect((await get(batchUrl(calls(20)))).status).toBe(200);
    expect((await get(batchUrl(calls(21)))).status).toBe(400);
  });
});
