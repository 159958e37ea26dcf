// `npm run bench`: starts the production build (.next-bench) against the bench database
// (`npm run seed:large` first) and measures reports against hand-written SQL, list paging,
// writes under load, first-load JavaScript, the server's memory, the T18 mix (focal points
// listing, reading and updating at once) and reports and exports under attack. Prints one table and
// writes the figures as JSON to bench/results/.
// Options: --runs 20 --seconds 30 --clients 50 [--data-dir .data/large] [--only reports,lists,weight,writes,mix,attack] [--port 3300]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PROJECT_ROOT, migrateDatabase } from "@/server/cli/database";
import { runCli } from "@/server/cli/user-facing-error";
import { BENCH_ADMIN_EMAIL, BENCH_ANALYST_EMAIL, BENCH_PASSWORD, focalPointEmail } from "@/bench/lib/accounts";
import { measureUnderExports, type AttackResult } from "@/bench/lib/attack";
import { DEFAULT_BENCH_DATA_DIR, databaseExists, openBenchServer, type BenchDatabase } from "@/bench/lib/database";
import { AppClient } from "@/bench/lib/http";
import { prepareListCases } from "@/bench/lib/lists";
import { reportCases, type ReportParams } from "@/bench/lib/reports";
import { DIST_DIR, ensureBuild, freePortIn, startServer, type AppServer } from "@/bench/lib/server";
import { round, summarize, timed, type Summary } from "@/bench/lib/stats";
import { measurePage, type PageWeight } from "@/bench/lib/weight";
import { findLostWrites, runMix, type MixResult, type MixWorker } from "@/bench/lib/mix";
import { runAppWrites, runSqlWrites, type StatusChoice, type WriteResult, type WriteWorker } from "@/bench/lib/writes";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    seconds: { type: "string", default: "30" },
    clients: { type: "string", default: "50" },
    "data-dir": { type: "string" },
    only: { type: "string" },
    port: { type: "string" },
  },
});

const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const DATA_DIR = path.resolve(args["data-dir"] ?? process.env.BENCH_DATA_DIR ?? DEFAULT_BENCH_DATA_DIR);
const SECTIONS = new Set((args.only ?? "reports,lists,weight,writes,mix,attack").split(",").map((part) => part.trim()));
/** Clients downloading the full-matrix PDF at once in "reports and exports under attack". */
const ATTACK_DOWNLOADS = 5;
const SEARCH = "temporary residency";
/** Bounds of the write test besides its duration. */
const MAX_PAIRS_PER_CLIENT = 2000;
/** Commitments each focal point of the T18 mix reads and updates in turn. */
const MIX_COMMITMENTS_PER_CLIENT = 5;
/**
 * The T18 mix's mean pause between one focal point's requests: a click a second, quicker than a
 * person reads a page and types a note. The closed loop (no pause) is measured too, unjudged.
 */
const MIX_THINK_MS = 1000;

const TARGETS = {
  reportRatio: 1.5,
  deepPageRatio: 1.2,
  writeP95Ms: 100,
  writeThroughputShare: 0.5,
  workspaceJsKb: 180,
  reportJsKb: 250,
  serverRssMb: 600,
  mixReadP95Ms: 300,
  mixWriteP95Ms: 500,
  underAttackMs: 1000,
};

type TargetCheck = { target: string; value: string; limit: string; met: boolean };

function packageVersion(name: string): string {
  try {
    const file = path.join(PROJECT_ROOT, "node_modules", name, "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(cells[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

function status(line: string) {
  if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(110).slice(0, 110)}`);
}

/** A step worth a line in a log too (without a terminal, status lines are not shown). */
function step(line: string) {
  if (process.stdout.isTTY) status(line);
  else console.log(line);
}

function statusDone() {
  if (process.stdout.isTTY) process.stdout.write(`\r${" ".repeat(110)}\r`);
}

async function reportParams(pool: pg.Pool): Promise<ReportParams> {
  const { rows: sources } = await pool.query<{ id: string; count: number }>(
    `SELECT r."sourceId" AS id, count(*)::int AS count FROM "Recommendation" r WHERE r.publication = 'PUBLISHED' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const { rows: recs } = await pool.query<{ id: string }>(`SELECT id FROM "Recommendation" WHERE publication = 'PUBLISHED' ORDER BY reference, id LIMIT 1`);
  const { rows: states } = await pool.query<{ id: string; name: string }>(`SELECT id, name FROM "State" WHERE kind = 'PARTICIPATING' ORDER BY name LIMIT 1`);
  const { rows: window } = await pool.query<{ day: string }>(
    `SELECT to_char((min("publishedAt") AT TIME ZONE 'UTC') + interval '120 days', 'YYYY-MM-DD') AS day FROM "Recommendation" WHERE publication = 'PUBLISHED'`,
  );
  if (!sources[0] || !recs[0] || !states[0] || !window[0]?.day) throw new Error("The bench database has no published recommendations: run `npm run seed:large` first.");
  return {
    sourceId: sources[0].id,
    sourceRecommendations: sources[0].count,
    recommendationId: recs[0].id,
    stateId: states[0].id,
    stateName: states[0].name,
    today: new Date().toISOString().slice(0, 10),
    overdueAsOf: window[0].day,
  };
}

async function dataSize(pool: pg.Pool) {
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM "State" WHERE kind = 'PARTICIPATING') AS participating,
            (SELECT count(*) FROM "State" WHERE kind = 'PARTNER') AS partners,
            (SELECT count(*) FROM "Source") AS sources,
            (SELECT count(*) FROM "Recommendation" WHERE publication = 'PUBLISHED') AS recommendations,
            (SELECT count(*) FROM "Commitment") AS commitments,
            (SELECT count(*) FROM "ProgressUpdate") AS updates,
            (SELECT count(*) FROM "CommitmentStatusChange") AS status_changes,
            (SELECT reltuples::bigint FROM pg_class WHERE relname = 'AuditEvent') AS audit_events_estimate,
            pg_size_pretty(pg_database_size(current_database())) AS database_size,
            current_setting('server_version') AS postgres`,
  );
  return rows[0]!;
}

type ReportFigure = { key: string; label: string; app: Summary; sql: Summary; ratio: number; agree: boolean; mismatches: string[] };
type ListFigure = { key: string; label: string; rows: number; timing: Summary; ratioToFirst: number | null };

async function measureReports(app: AppClient, pool: pg.Pool, params: ReportParams): Promise<ReportFigure[]> {
  const figures: ReportFigure[] = [];
  for (const report of reportCases(app, pool, params)) {
    step(`Reports: ${report.label} (warm-up)`);
    let appAnswer: unknown;
    let sqlAnswer: unknown;
    for (let index = 0; index < WARMUP; index++) {
      const started = Date.now();
      appAnswer = await report.app();
      sqlAnswer = await report.sql();
      // A report that takes seconds is warm after one run; more would only stretch the bench.
      if (Date.now() - started > 2000) break;
    }
    const mismatches = report.compare(appAnswer, sqlAnswer);
    const appTimes: number[] = [];
    const sqlTimes: number[] = [];
    // Interleaved, so that noise from other work on the machine hits both alike.
    for (let run = 0; run < RUNS; run++) {
      status(`Reports: ${report.label} ${run + 1}/${RUNS}`);
      appTimes.push((await timed(report.app)).ms);
      sqlTimes.push((await timed(report.sql)).ms);
    }
    const appSummary = summarize(appTimes);
    const sqlSummary = summarize(sqlTimes);
    figures.push({
      key: report.key,
      label: report.label,
      app: appSummary,
      sql: sqlSummary,
      ratio: round(appSummary.median / sqlSummary.median, 2),
      agree: mismatches.length === 0,
      mismatches,
    });
  }
  statusDone();
  return figures;
}

async function measureLists(focal: AppClient, analyst: AppClient, pool: pg.Pool, stateId: string) {
  step("Lists: walking the cursors once…");
  const setup = await prepareListCases(focal, analyst, pool, stateId, SEARCH);
  const figures: ListFigure[] = [];
  for (const list of setup.cases) {
    let rows = 0;
    for (let index = 0; index < WARMUP; index++) rows = (await list.run()).items.length;
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      status(`Lists: ${list.label} ${run + 1}/${RUNS}`);
      times.push((await timed(list.run)).ms);
    }
    figures.push({ key: list.key, label: list.label, rows, timing: summarize(times), ratioToFirst: null });
  }
  for (const figure of figures) {
    const first = figures.find((other) => other.key === `${figure.key.split(".")[0]}.first`);
    if (first && (figure.key.endsWith(".page50") || figure.key.endsWith(".last"))) figure.ratioToFirst = round(figure.timing.median / first.timing.median, 2);
  }
  statusDone();
  return { figures, notes: setup.notes, totals: setup.totals };
}

async function defaultStatuses(pool: pg.Pool): Promise<StatusChoice[]> {
  const { rows } = await pool.query<StatusChoice>(
    `SELECT st.id, st."defaultProgress" AS progress FROM "ScaleStatus" st JOIN "StatusScale" sc ON sc.id = st."scaleId"
     WHERE sc."isDefault" AND st.key <> 'not_applicable' ORDER BY st.position`,
  );
  return rows;
}

async function signedIn(baseUrl: string, email: string): Promise<AppClient> {
  const client = new AppClient(baseUrl);
  await client.signIn(email, BENCH_PASSWORD);
  return client;
}

async function main() {
  const started = Date.now();
  let database: BenchDatabase | undefined;
  let server: AppServer | undefined;
  let pool: pg.Pool | undefined;
  const cleanup = async () => {
    await server?.stop();
    await pool?.end().catch(() => undefined);
    await database?.stop();
  };
  process.once("SIGINT", () => {
    console.log("\nStopping…");
    void cleanup().then(() => process.exit(130));
  });

  try {
    database = await openBenchServer(DATA_DIR);
    if (!(await databaseExists(database))) throw new Error("No bench database: run `npm run seed:large` first.");
    // Data seeded before the latest migrations is brought up to date (the app server does not migrate).
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: CLIENTS + 5 });
    // An idle connection closed by the server at shutdown must not crash the bench.
    pool.on("error", () => undefined);
    const params = await reportParams(pool);
    const size = await dataSize(pool);

    const buildSeconds = await ensureBuild();
    const port = args.port ? Number(args.port) : await freePortIn(3300, 3310);
    // The bench asks for reports and exports far faster than a person would: the per-client limits
    // (which would answer 429 to its single address) are off, as `RATE_LIMIT_*=0` allows.
    server = await startServer(database.url, port, { env: { RATE_LIMIT_REPORTS_PER_MINUTE: "0", RATE_LIMIT_EXPORTS_PER_MINUTE: "0" } });
    const memoryByPhase: Record<string, number> = { idle: server.memory().serverPeakMb };
    const publicClient = new AppClient(server.baseUrl);

    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      loadAverage: os.loadavg().map((value) => round(value, 2)),
      platform: `${os.type()} ${os.release()}`,
    };
    const versions = {
      node: process.version,
      next: packageVersion("next"),
      react: packageVersion("react"),
      trpc: packageVersion("@trpc/server"),
      prisma: packageVersion("@prisma/client"),
      pg: packageVersion("pg"),
      postgres: size.postgres,
    };
    console.log(`Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB; load ${machine.loadAverage.join(" ")}`);
    console.log(`Versions: Node ${versions.node}, Next ${versions.next}, React ${versions.react}, tRPC ${versions.trpc}, Prisma ${versions.prisma}, pg ${versions.pg}, PostgreSQL ${versions.postgres}`);
    console.log(
      `Data: ${size.participating} participating States + ${size.partners} Partners, ${size.sources} sources, ${Number(size.recommendations).toLocaleString("en")} recommendations, ` +
        `${Number(size.commitments).toLocaleString("en")} commitments, ${Number(size.updates).toLocaleString("en")} updates, ${Number(size.status_changes).toLocaleString("en")} status changes, ` +
        `~${Number(size.audit_events_estimate).toLocaleString("en")} audit events; ${size.database_size}`,
    );
    console.log(`App: ${server.baseUrl} (${DIST_DIR}${buildSeconds === null ? ", build current" : `, built in ${buildSeconds.toFixed(0)} s`}); ${RUNS} runs after ${WARMUP} warm-up runs\n`);

    const analyst = await signedIn(server.baseUrl, BENCH_ANALYST_EMAIL);
    const { rows: focalStates } = await pool.query<{ id: string; iso2: string; focal_id: string }>(
      `SELECT s.id, s.iso2, u.id AS focal_id FROM "State" s JOIN "User" u ON u."stateId" = s.id AND u.email = 'bench.' || lower(s.iso2) || '@bench.test'
       WHERE s.kind = 'PARTICIPATING' ORDER BY s.name`,
    );
    const focal = await signedIn(server.baseUrl, focalPointEmail(focalStates[0]!.iso2));

    let reports: ReportFigure[] = [];
    if (SECTIONS.has("reports")) {
      reports = await measureReports(publicClient, pool, params);
      memoryByPhase.reports = server.memory().serverPeakMb;
    }
    let lists: Awaited<ReturnType<typeof measureLists>> = { figures: [], notes: [], totals: {} };
    if (SECTIONS.has("lists")) {
      lists = await measureLists(focal, analyst, pool, params.stateId);
      memoryByPhase.lists = server.memory().serverPeakMb;
    }

    const weights: (PageWeight & { kind: "workspace" | "report" })[] = [];
    if (SECTIONS.has("weight")) {
      step("Browser weight…");
      const { rows: commitment } = await pool.query<{ id: string }>(`SELECT id FROM "Commitment" WHERE "stateId" = $1::uuid ORDER BY id LIMIT 1`, [params.stateId]);
      weights.push({ ...(await measurePage(focal, "/commitments")), kind: "workspace" });
      weights.push({ ...(await measurePage(focal, `/commitments/${commitment[0]!.id}`)), kind: "workspace" });
      // The pages of the other forms, as the analyst (and the administrator, when the data set has one).
      const { rows: recommendation } = await pool.query<{ id: string }>(`SELECT id FROM "Recommendation" ORDER BY reference, id LIMIT 1`);
      for (const page of ["/review", "/recommendations", "/recommendations/new", `/recommendations/${recommendation[0]!.id}`, "/account"]) {
        weights.push({ ...(await measurePage(analyst, page)), kind: "workspace" });
      }
      const { rows: admin } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [BENCH_ADMIN_EMAIL]);
      if (admin[0]) {
        const administrator = await signedIn(server.baseUrl, BENCH_ADMIN_EMAIL);
        weights.push({ ...(await measurePage(administrator, "/admin/users")), kind: "workspace" });
        weights.push({ ...(await measurePage(administrator, `/admin/users/${admin[0].id}`)), kind: "workspace" });
      } else console.log("Browser weight: no bench administrator (run `npm run seed:large` again): /admin/users not measured.");
      weights.push({ ...(await measurePage(publicClient, "/sign-in")), kind: "workspace" });
      weights.push({ ...(await measurePage(publicClient, `/reports/matrix?source=${params.sourceId}`)), kind: "report" });
      weights.push({ ...(await measurePage(publicClient, "/reports/matrix")), kind: "report" });
      weights.push({ ...(await measurePage(publicClient, `/reports/recommendations/${params.recommendationId}`)), kind: "report" });
      weights.push({ ...(await measurePage(publicClient, `/reports/states/${params.stateId}`)), kind: "report" });
      weights.push({ ...(await measurePage(publicClient, "/reports/trend")), kind: "report" });
      statusDone();
      memoryByPhase.pages = server.memory().serverPeakMb;
    }

    let writes: { single: WriteResult; app: WriteResult; sql: WriteResult } | null = null;
    if (SECTIONS.has("writes")) {
      const writerStates = focalStates.slice(0, CLIENTS);
      step(`Writes: signing in ${writerStates.length} focal points…`);
      const clients: AppClient[] = [];
      for (const state of writerStates) clients.push(await signedIn(server.baseUrl, focalPointEmail(state.iso2)));
      const { rows: commitmentRows } = await pool.query<{ state_id: string; ids: string[] }>(
        `SELECT c."stateId" AS state_id, (array_agg(c.id ORDER BY c.id))[1:$2::int] AS ids FROM "Commitment" c
         WHERE c."stateId" = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" pu WHERE pu."commitmentId" = c.id AND pu."reviewState" IN ('DRAFT', 'SUBMITTED'))
         GROUP BY c."stateId"`,
        [writerStates.map((state) => state.id), MAX_PAIRS_PER_CLIENT],
      );
      const idsByState = new Map(commitmentRows.map((row) => [row.state_id, row.ids]));
      const workers: WriteWorker[] = writerStates.map((state, index) => ({
        stateId: state.id,
        focalId: state.focal_id,
        client: clients[index]!,
        commitmentIds: idsByState.get(state.id) ?? [],
      }));
      const statusRows = await defaultStatuses(pool);
      const { rows: analystRow } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [BENCH_ANALYST_EMAIL]);
      const limits = { seconds: SECONDS, maxPairsPerClient: MAX_PAIRS_PER_CLIENT };
      // One client alone first: the service time of a write without queueing.
      step("Writes: 1 client through the app for 5 s…");
      const single = await runAppWrites(workers.slice(0, 1), analyst, statusRows, { seconds: Math.min(5, SECONDS), maxPairsPerClient: MAX_PAIRS_PER_CLIENT });
      const used = single.requests / 2;
      workers[0]!.commitmentIds = workers[0]!.commitmentIds.slice(Math.ceil(used) + 1);
      step(`Writes: ${workers.length} clients through the app for ${SECONDS} s…`);
      const appWrites = await runAppWrites(workers, analyst, statusRows, limits);
      memoryByPhase.writes = server.memory().serverPeakMb;
      step(`Writes: ${workers.length} connections straight through pg for ${SECONDS} s…`);
      const sqlWrites = await runSqlWrites(pool, workers, analystRow[0]!.id, statusRows, limits);
      statusDone();
      writes = { single, app: appWrites, sql: sqlWrites };
    }

    type MixFigures = MixResult & { lost: string[]; thinkMs: number };
    let mix: { paced: MixFigures; closed: MixFigures } | null = null;
    if (SECTIONS.has("mix")) {
      const mixStates = focalStates.slice(0, CLIENTS);
      step(`T18 mix: signing in ${mixStates.length} focal points…`);
      const clients: AppClient[] = [];
      for (const state of mixStates) clients.push(await signedIn(server.baseUrl, focalPointEmail(state.iso2)));
      // The first commitments of each State that are not waiting for review (a draft left by an
      // earlier run is edited again).
      const { rows: commitmentRows } = await pool.query<{ state_id: string; ids: string[] }>(
        `SELECT c."stateId" AS state_id, (array_agg(c.id ORDER BY c.id))[1:$2::int] AS ids FROM "Commitment" c
         WHERE c."stateId" = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM "ProgressUpdate" pu WHERE pu."commitmentId" = c.id AND pu."reviewState" = 'SUBMITTED')
         GROUP BY c."stateId"`,
        [mixStates.map((state) => state.id), MIX_COMMITMENTS_PER_CLIENT],
      );
      const idsByState = new Map(commitmentRows.map((row) => [row.state_id, row.ids]));
      const workers: MixWorker[] = mixStates.map((state, index) => ({ client: clients[index]!, commitmentIds: idsByState.get(state.id) ?? [] }));
      const statuses = await defaultStatuses(pool);
      const benchPool = pool;
      const measure = async (thinkMs: number): Promise<MixFigures> => {
        step(`T18 mix: ${workers.length} focal points list, read and update for ${SECONDS} s, ${thinkMs ? `${thinkMs} ms between requests` : "closed loop"}…`);
        const result = await runMix(workers, statuses, { rounds: MAX_PAIRS_PER_CLIENT, seconds: SECONDS, thinkMs });
        return { ...result, thinkMs, lost: await findLostWrites(benchPool, result.acknowledged) };
      };
      mix = { paced: await measure(MIX_THINK_MS), closed: await measure(0) };
      statusDone();
      memoryByPhase.mix = server.memory().serverPeakMb;
    }
    let attack: AttackResult | null = null;
    if (SECTIONS.has("attack")) {
      step(`Under attack: ${ATTACK_DOWNLOADS} downloads of the full-matrix PDF…`);
      const { rows: commitment } = await pool.query<{ id: string }>(`SELECT id FROM "Commitment" WHERE "stateId" = $1::uuid ORDER BY id LIMIT 1`, [focalStates[0]!.id]);
      attack = await measureUnderExports(
        server.baseUrl,
        { email: focalPointEmail(focalStates[1]!.iso2), password: BENCH_PASSWORD, pageClient: focal, pagePath: `/commitments/${commitment[0]!.id}` },
        { clients: ATTACK_DOWNLOADS, baselineRuns: 5, exportPath: "/api/reports/export?report=matrix&format=pdf", onProgress: status },
      );
      statusDone();
      memoryByPhase.attack = server.memory().serverPeakMb;
    }

    const memory = server.memory();

    // ----- the table ---------------------------------------------------------------------------
    const checks: TargetCheck[] = [];
    const out: string[] = [];
    if (reports.length) {
      out.push("1. Reports: app (tRPC over HTTP) vs one hand-written SQL query, ms");
      out.push(
        formatTable(
          ["report", "app p50", "app p95", "SQL p50", "SQL p95", "app/SQL", "same figures"],
          reports.map((report) => [report.label, report.app.median, report.app.p95, report.sql.median, report.sql.p95, report.ratio.toFixed(2), report.agree ? "yes" : "NO"]),
        ),
      );
      for (const report of reports) {
        if (report.key === "floor") continue;
        checks.push({ target: `report ${report.label}: app/SQL (median)`, value: report.ratio.toFixed(2), limit: `<= ${TARGETS.reportRatio}`, met: report.ratio <= TARGETS.reportRatio });
        checks.push({ target: `report ${report.label}: same figures`, value: report.agree ? "yes" : report.mismatches.join("; "), limit: "yes", met: report.agree });
      }
      out.push("");
    }
    if (lists.figures.length) {
      out.push(`2. Commitments list (25 rows a page, by reference), ms; ${Object.entries(lists.totals).map(([role, total]) => `${role} ${total.toLocaleString("en")} rows`).join(", ")}`);
      out.push(
        formatTable(
          ["request", "rows", "p50", "p95", "vs first page"],
          lists.figures.map((figure) => [figure.label, figure.rows, figure.timing.median, figure.timing.p95, figure.ratioToFirst === null ? "" : figure.ratioToFirst.toFixed(2)]),
        ),
      );
      for (const figure of lists.figures) {
        if (figure.ratioToFirst !== null) checks.push({ target: `list ${figure.label} vs first page`, value: figure.ratioToFirst.toFixed(2), limit: `<= ${TARGETS.deepPageRatio}`, met: figure.ratioToFirst <= TARGETS.deepPageRatio });
      }
      for (const note of lists.notes) out.push(`Note: ${note}`);
      out.push("");
    }
    if (writes) {
      out.push(`3. Writes under load: ${writes.app.clients} clients, ${SECONDS} s (submit by the State's focal point, then accept by an analyst)`);
      const errorText = (result: WriteResult) => Object.entries(result.errors).map(([kind, count]) => `${kind} ${count}`).join(", ") || "none";
      out.push(
        formatTable(
          ["path", "requests", "tx/s", "p50", "p95", "p99", "max", "errors"],
          [
            ["app, 1 client alone", writes.single.requests, writes.single.throughput, writes.single.latency.p50, writes.single.latency.p95, writes.single.latency.p99, writes.single.latency.max, errorText(writes.single)],
            [`app, ${writes.app.clients} clients`, writes.app.requests, writes.app.throughput, writes.app.latency.p50, writes.app.latency.p95, writes.app.latency.p99, writes.app.latency.max, errorText(writes.app)],
            ...Object.entries(writes.app.byKind).map(([kind, figure]) => [`  ${kind}`, figure.ok, "", figure.p50, figure.p95, figure.p99, "", ""]),
            [`direct SQL (pg), ${writes.sql.clients} connections`, writes.sql.requests, writes.sql.throughput, writes.sql.latency.p50, writes.sql.latency.p95, writes.sql.latency.p99, writes.sql.latency.max, errorText(writes.sql)],
          ],
        ),
      );
      const share = writes.app.throughput / writes.sql.throughput;
      const unexpected = Object.entries(writes.app.errors).filter(([kind]) => !kind.endsWith(":CONFLICT")).reduce((sum, [, count]) => sum + count, 0);
      checks.push({ target: "writes: app p95 latency", value: `${writes.app.latency.p95} ms`, limit: `<= ${TARGETS.writeP95Ms} ms`, met: writes.app.latency.p95 <= TARGETS.writeP95Ms });
      checks.push({ target: "writes: errors other than conflicts", value: String(unexpected), limit: "0", met: unexpected === 0 });
      checks.push({ target: "writes: app / direct SQL throughput", value: share.toFixed(2), limit: `>= ${TARGETS.writeThroughputShare}`, met: share >= TARGETS.writeThroughputShare });
      out.push("");
    }
    if (weights.length) {
      out.push("4. First-load JavaScript (the page's <script src> chunks, gzip -9), KB");
      out.push(
        formatTable(
          ["page", "HTTP", "chunks", "raw", "gzip", "inline RSC (gzip)", "limit"],
          weights.map((weight) => [weight.path.length > 60 ? `${weight.path.slice(0, 57)}...` : weight.path, weight.status, weight.scripts, weight.rawKb, weight.gzipKb, weight.inlineGzipKb, weight.kind === "workspace" ? TARGETS.workspaceJsKb : TARGETS.reportJsKb]),
        ),
      );
      for (const weight of weights) {
        const limit = weight.kind === "workspace" ? TARGETS.workspaceJsKb : TARGETS.reportJsKb;
        checks.push({ target: `first-load JS ${weight.path}`, value: `${weight.gzipKb} KB`, limit: `<= ${limit} KB`, met: weight.status === 200 && weight.gzipKb <= limit });
      }
      out.push("");
    }
    out.push(`5. Memory: peak RSS of the server process ${memory.serverPeakMb} MB (whole process tree ${memory.treePeakMb} MB, ${memory.samples} samples); by phase ${Object.entries(memoryByPhase).map(([phase, mb]) => `${phase} ${mb}`).join(", ")} MB`);
    checks.push({ target: "server peak RSS", value: `${memory.serverPeakMb} MB`, limit: `<= ${TARGETS.serverRssMb} MB`, met: memory.serverPeakMb <= TARGETS.serverRssMb });
    out.push("");
    if (mix) {
      out.push(`6. T18 mix: ${mix.paced.clients} focal points (one per State), ${SECONDS} s each: list + read + save draft, ms`);
      const rows = (label: string, figures: MixFigures) => [
        [label, "", "", "", "", "", ""],
        ["  reads (list and read)", figures.rounds, figures.read.count, figures.read.p50, figures.read.p95, figures.read.p99, figures.read.max],
        ...Object.entries(figures.byKind).map(([kind, figure]) => [`    ${kind}`, "", figure.count, figure.p50, figure.p95, figure.p99, figure.max]),
        ["  writes (save draft)", "", figures.write.count, figures.write.p50, figures.write.p95, figures.write.p99, figures.write.max],
      ];
      out.push(
        formatTable(
          ["phase / request", "rounds", "count", "p50", "p95", "p99", "max"],
          [...rows(`${mix.paced.thinkMs} ms between a focal point's requests`, mix.paced), ...rows("closed loop (no pause: the server's capacity)", mix.closed)],
        ),
      );
      for (const [label, figures] of [["paced", mix.paced], ["closed loop", mix.closed]] as const) {
        out.push(`${label}: errors ${Object.entries(figures.errors).map(([kind, count]) => `${kind} ${count}`).join(", ") || "none"}; acknowledged writes not stored as acknowledged: ${figures.lost.length}`);
      }
      const unexpected = [mix.paced, mix.closed].flatMap((figures) => Object.values(figures.unexpectedErrors)).reduce((sum, count) => sum + count, 0);
      const lost = [...mix.paced.lost, ...mix.closed.lost];
      checks.push({ target: "T18 mix: read p95", value: `${mix.paced.read.p95} ms`, limit: `< ${TARGETS.mixReadP95Ms} ms`, met: mix.paced.read.p95 < TARGETS.mixReadP95Ms });
      checks.push({ target: "T18 mix: write p95", value: `${mix.paced.write.p95} ms`, limit: `< ${TARGETS.mixWriteP95Ms} ms`, met: mix.paced.write.p95 < TARGETS.mixWriteP95Ms });
      checks.push({ target: "T18 mix: errors other than 409", value: String(unexpected), limit: "0", met: unexpected === 0 });
      checks.push({ target: "T18 mix: acknowledged writes stored", value: lost.length ? lost.slice(0, 3).join("; ") : "all", limit: "all", met: lost.length === 0 });
    }
    if (attack) {
      const statuses = attack.downloads.map((entry) => entry.status).join(", ");
      const longest = Math.max(...attack.downloads.map((entry) => entry.ms));
      out.push(`6. Reports and exports under attack: ${attack.downloads.length} clients download the full-matrix PDF at once (${attack.exportPath}), ms`);
      out.push(`   downloads: HTTP ${statuses}; ${(Math.max(...attack.downloads.map((entry) => entry.bytes)) / 1024).toFixed(0)} KB each; the last done after ${(longest / 1000).toFixed(1)} s`);
      out.push(
        formatTable(
          ["probe", "runs", "alone p50", "alone max", "under attack p50", "p95", "max"],
          (["signIn", "page"] as const).map((kind) => [
            kind === "signIn" ? "sign-in (CSRF + credentials callback)" : "commitment page (signed in)",
            attack!.underAttack[kind].runs,
            attack!.baseline[kind].median,
            attack!.baseline[kind].max,
            attack!.underAttack[kind].median,
            attack!.underAttack[kind].p95,
            attack!.underAttack[kind].max,
          ]),
        ),
      );
      if (attack.slowProbes.length) out.push(`   probes over 1 s: ${attack.slowProbes.map((probe) => `${probe.kind} ${probe.ms} ms at ${probe.atSeconds} s`).join(", ")}`);
      for (const kind of ["signIn", "page"] as const) {
        const max = attack.underAttack[kind].max;
        checks.push({ target: `under attack: ${kind === "signIn" ? "sign-in" : "commitment page"} (max)`, value: `${max} ms`, limit: `<= ${TARGETS.underAttackMs} ms`, met: max <= TARGETS.underAttackMs });
      }
      checks.push({ target: "under attack: every PDF download served", value: statuses, limit: "all 200", met: attack.downloads.every((entry) => entry.status === 200) });
      out.push("");
    }
    out.push("Targets");
    out.push(formatTable(["target", "value", "limit", "met"], checks.map((check) => [check.target, check.value.length > 70 ? `${check.value.slice(0, 67)}...` : check.value, check.limit, check.met ? "yes" : "NO"])));
    const missed = checks.filter((check) => !check.met).length;
    out.push(`\n${checks.length - missed} of ${checks.length} targets met; bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    console.log(out.join("\n"));

    const resultsDir = path.join(PROJECT_ROOT, "bench", "results");
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ at: new Date().toISOString(), machine, versions, data: size, params, runs: RUNS, warmup: WARMUP, reports, lists, writes, weights, attack, memory, memoryByPhase, mix: mix && Object.fromEntries(Object.entries(mix).map(([phase, figures]) => [phase, { ...figures, acknowledged: figures.acknowledged.length }])), checks, buildSeconds }, null, 2),
    );
    console.log(`Results: ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await cleanup();
  }
}

runCli(main);
