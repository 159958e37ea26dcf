// `npm run bench:import`: how long importing a recommendation file takes. Starts an embedded
// PostgreSQL in a temporary folder (a fresh database with the migrations and the reference data),
// writes a UPR recommendation list of 2,000 rows (20 States, 100 recommendations each, Cyrillic
// and multi-line cells among them) and measures, in the server's own code: checking the file
// (reading and planning, nothing written), importing it (one transaction: 20 sources, 2,000
// recommendations with their themes, addressees and audit events), and importing it again
// (every row unchanged). Prints one table and writes the figures as JSON to bench/results/.
// Options: --rows 2000 --runs 3
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PROJECT_ROOT, migrateDatabase } from "@/server/cli/database";
import { startEmbeddedPostgres } from "@/server/cli/postgres/embedded";
import { runCli } from "@/server/cli/user-facing-error";
import { UPR_COLUMNS } from "@/server/schemas/recommendation-file";
import type { UserActor } from "@/server/services/access";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "2000" }, runs: { type: "string", default: "3" } } });
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const STATES = ["Slovenia", "Turkey", "Republic of Moldova", "Austria", "Italy", "Germany", "France", "Spain", "Poland", "Sweden",
  "Norway", "Greece", "Portugal", "Ukraine", "Georgia", "Armenia", "Serbia", "Croatia", "Malta", "Ireland"];

function uprFile(session: number): Uint8Array {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = Array.from({ length: ROWS }, (_, index) => {
    const state = STATES[index % STATES.length]!;
    const text =
      index % 10 === 0
        ? `Усилить защиту жертв торговли людьми (${index})`
        : `Strengthen the identification of victims of trafficking, "especially children",\nand their referral to assistance (${index})`;
    const row: Record<(typeof UPR_COLUMNS)[number], string> = {
      ref: `${session}.${index + 1}`,
      state_under_review: state,
      session: `UPR Working Group session ${session} (Jan 2025), 4th cycle`,
      wg_report: `A/HRC/${session}/${(index % STATES.length) + 1}`,
      theme_heading: "Trafficking in persons",
      text,
      recommending_states: "Austria; Brazil; Chile",
      position: index % 3 === 0 ? "Noted" : "Supported",
      source_of_position: `A/HRC/${session}/${(index % STATES.length) + 1}/Add.1`,
      themes: index % 2 === 0 ? "protection; prevention" : `protection; UPR theme ${index % 5}`,
      groups_of_persons: "women & girls; children",
      sdgs: "5.2; 16.2",
    };
    return UPR_COLUMNS.map((column) => cell(row[column])).join(",");
  });
  return new TextEncoder().encode(`\uFEFF${UPR_COLUMNS.join(",")}\r\n${lines.join("\r\n")}\r\n`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - start), value };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const embedded = await startEmbeddedPostgres({ dataDir, fresh: true });
  try {
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    await admin.query("CREATE DATABASE bench_import");
    await admin.end();
    const url = new URL(embedded.url);
    url.pathname = "/bench_import";
    process.env.DATABASE_URL = url.toString();
    await migrateDatabase(process.env.DATABASE_URL);

    // The app's modules read DATABASE_URL when they load.
    const { db } = await import("@/server/db/client");
    const { seedReferenceData } = await import("@/server/cli/seed/reference-data");
    const { checkRecommendationFile, importRecommendationFile } = await import("@/server/services/imports/import-recommendations");
    await seedReferenceData(db);
    const user = await db.user.create({ data: { email: "bench.import@bench.test", name: "Bench analyst", passwordHash: "x", role: "ANALYST" } });
    const actor: UserActor = {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      role: "ANALYST",
      stateId: null,
      stateName: null,
      stateIso2: null,
      mustChangePassword: false,
      locale: null,
      requestId: "bench-import",
    };

    const results: { run: number; checkMs: number; importMs: number; reimportMs: number; created: number; unchanged: number }[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const file = { name: `upr-${run}.csv`, bytes: uprFile(100 + run) };
      const check = await timed(() => checkRecommendationFile(actor, file));
      if (check.value.counts.errors > 0 || check.value.counts.new !== ROWS) throw new Error(`unexpected check: ${JSON.stringify(check.value.counts)}`);
      const first = await timed(() => importRecommendationFile(actor, file, check.value.checksum));
      if (first.value.kind !== "imported" || first.value.result.created !== ROWS) throw new Error(`unexpected import: ${first.value.kind}`);
      const again = await timed(() => importRecommendationFile(actor, file, check.value.checksum));
      if (again.value.kind !== "imported" || again.value.result.unchanged !== ROWS) throw new Error(`unexpected re-import: ${again.value.kind}`);
      results.push({ run, checkMs: check.ms, importMs: first.ms, reimportMs: again.ms, created: first.value.result.created, unchanged: again.value.result.unchanged });
    }
    const bytes = uprFile(101).byteLength;
    const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
    const output = [
      `Import of a UPR list of ${ROWS} rows (${(bytes / 1024).toFixed(0)} KB, ${STATES.length} States), ${os.cpus().length} cores`,
      line(["run", "check (ms)", "import, all new (ms)", "import again, all unchanged (ms)"]),
      line(["---", "---", "---", "---"]),
      ...results.map((result) => line([result.run, result.checkMs, result.importMs, result.reimportMs])),
    ].join("\n");
    process.stdout.write(`${output}\n`);
    const dir = path.join(PROJECT_ROOT, "bench", "results");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `import-${new Date().toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify({ rows: ROWS, bytes, results }, null, 2));
    await db.$disconnect();
  } finally {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void runCli(main);
