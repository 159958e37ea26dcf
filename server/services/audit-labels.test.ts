// Every kind of change the server records, and every kind of record it names, has a name in the
// History and audit log catalogs (otherwise the pages and the CSV show the raw key, such as
// "source.drafts_published"). The server's writers are read as text: `action: "entity.verb"` and
// `entityType: "Name"` literals in its non-test modules.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import history from "@/server/i18n/messages/en/history.json";

const ROOT = path.resolve(import.meta.dirname, "..");

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" || entry.name === "i18n" ? [] : serverSources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = serverSources(ROOT).map((file) => fs.readFileSync(file, "utf8"));
const literals = (pattern: RegExp) => [...new Set(sources.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1]!)))].sort();

describe("the audit trail's names", () => {
  const actions = literals(/\baction: "([a-zA-Z_]+\.[a-zA-Z_]+)"/g);
  const entityTypes = literals(/\bentityType: "([A-Z][A-Za-z]+)"/g);

  it("finds the writers (the patterns still match the code)", () => {
    expect(actions).toEqual(expect.arrayContaining(["update.accepted", "recommendation.published", "recommendations.imported"]));
    expect(entityTypes).toEqual(expect.arrayContaining(["Commitment", "Recommendation"]));
  });

  it("names every kind of change and every kind of record the server records", () => {
    const named = history.actions as Record<string, Record<string, string>>;
    expect(actions.filter((action) => {
      const [entity, verb] = action.split(".") as [string, string];
      return !named[entity]?.[verb];
    })).toEqual([]);
    expect(entityTypes.filter((type) => !(type in history.entityTypes))).toEqual([]);
  });
});
