import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DAY_FIELDS, wire } from "@/server/api/wire";

const schema = fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "prisma", "schema.prisma"), "utf8");

describe("the wire", () => {
  it("knows every field stored as a calendar day (@db.Date), and no other", () => {
    const dayFields = new Set([...schema.matchAll(/^\s+(\w+)\s+DateTime\??\s+.*@db\.Date\b/gm)].map((match) => match[1]!));
    expect(dayFields.size).toBeGreaterThan(0);
    expect([...DAY_FIELDS].sort()).toEqual([...dayFields].sort());
  });

  it("sends calendar days as YYYY-MM-DD and instants as ISO 8601 UTC text, at any depth", async () => {
    const sent = await wire(
      Promise.resolve({
        id: "x",
        dueDate: new Date("2030-06-30T00:00:00Z"),
        createdAt: new Date("2026-12-03T13:45:06.789Z"),
        source: { date: new Date("2017-04-03T00:00:00Z"), title: "Alliance 2017" },
        items: [{ submittedAt: new Date("2026-01-02T03:04:05.006Z"), dueDate: null }],
        count: 3,
        note: null,
      }),
    );
    expect(sent).toEqual({
      id: "x",
      dueDate: "2030-06-30",
      createdAt: "2026-12-03T13:45:06.789Z",
      source: { date: "2017-04-03", title: "Alliance 2017" },
      items: [{ submittedAt: "2026-01-02T03:04:05.006Z", dueDate: null }],
      count: 3,
      note: null,
    });
    expect(JSON.parse(JSON.stringify(sent))).toEqual(sent);
  });
});
