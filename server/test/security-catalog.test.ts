// The security catalog (T01-T26) is a promise: each id names at least one automated test.
// This check fails when a catalog test is removed or renamed away from its id.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TEST_FILE = /\.(test|spec)\.ts$/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return TEST_FILE.test(entry.name) ? [full] : [];
  });
}

/** Titles given to describe/it/test in a file, with the file they come from. */
function titles(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/\b(?:describe|it|test)(?:\.\w+)*\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g)) found.push(match[2] ?? "");
  return found;
}

describe("security catalog", () => {
  const all = ["server", "prisma", "e2e", "bench"].flatMap((dir) => testFiles(path.join(ROOT, dir))).flatMap(titles);

  it("names a test after every id from T01 to T26", () => {
    const missing = Array.from({ length: 26 }, (_, i) => `T${String(i + 1).padStart(2, "0")}`).filter(
      (id) => !all.some((title) => new RegExp(`\\b${id}\\b`).test(title)),
    );
    expect(missing).toEqual([]);
  });
});
