// T17: `npm start` (embedded PostgreSQL) under a flow of updates, through HTTP as the browser's
// code sends them. PostgreSQL is killed with SIGKILL, later the app server is: every request
// answers within a bound, errors are 503 (never 500), service is back within 10 s each time, and
// every acknowledged accept is in the database once, whole, with its audit rows.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { scriptArgs } from "../server/cli/tsx";

const ROOT = path.resolve(import.meta.dirname, "..");
const PASSWORD = "demo-password-2017";
/** No request may take longer than this (the pool gives up connecting after 5 s). */
const REQUEST_BOUND_MS = 10_000;
/** From a kill to a working app again. */
const RECOVERY_BOUND_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process below `pid`, from /proc (the app server renames itself "next-server"). */
function descendants(pid: number): { pid: number; command: string }[] {
  const all = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
        return [{ pid: Number(entry), ppid, command }];
      } catch {
        return [];
      }
    });
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const child of all.filter((p) => p.ppid === parent)) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

type Outcome = { kind: "response"; status: number; body: string; ms: number } | { kind: "refused"; ms: number } | { kind: "hung"; ms: number };

/** One observed request: what came back, how fast, and the request id a 503 carried. */
type Observation = { what: string; at: number; outcome: Outcome; requestId: string | null };

class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly observations: Observation[],
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }

  /** A request with the time bound; never throws. `follow` follows redirects (pages). */
  async send(what: string, url: string, init: RequestInit = {}, follow = false): Promise<Outcome> {
    const started = Date.now();
    const abort = new AbortController();
    const request = (async (): Promise<Outcome> => {
      try {
        const response = await fetch(this.base + url, {
          ...init,
          redirect: follow ? "follow" : "manual",
          headers: { cookie: this.cookieHeader(), ...(init.headers as Record<string, string>) },
          signal: abort.signal,
        });
        this.keepCookies(response);
        return { kind: "response", status: response.status, body: await response.text(), ms: Date.now() - started };
      } catch {
        return { kind: "refused", ms: Date.now() - started };
      }
    })();
    // A request that outlives the bound is a hang, whatever the HTTP client would still do.
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        abort.abort();
        resolve({ kind: "hung", ms: Date.now() - started });
      }, REQUEST_BOUND_MS);
    });
    const outcome = await Promise.race([request, bound]);
    clearTimeout(timer);
    let requestId: string | null = null;
    if (outcome.kind === "response" && outcome.status === 503) {
      requestId = /"requestId":"([^"]+)"/.exec(outcome.body)?.[1] ?? /Reference: <code>([^<]+)</.exec(outcome.body)?.[1] ?? null;
    }
    this.observations.push({ what, at: started, outcome, requestId });
    return outcome;
  }

  async signIn(email: string) {
    const csrf = await this.send("csrf", "/api/auth/csrf");
    if (csrf.kind !== "response" || csrf.status !== 200) throw new Error(`csrf: ${JSON.stringify(csrf)}`);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const signedIn = await this.send("sign-in", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: "/" }).toString(),
    });
    if (![...this.cookies.keys()].some((name) => name.endsWith("session-token"))) throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
  }

  /** A tRPC call as the browser sends it; the parsed result on 200. */
  async trpc<T>(what: string, procedure: string, input: unknown, type: "query" | "mutation"): Promise<{ outcome: Outcome; data?: T }> {
    const payload = JSON.stringify(input);
    const outcome =
      type === "query"
        ? await this.send(what, `/api/trpc/${procedure}?input=${encodeURIComponent(payload)}`)
        : await this.send(what, `/api/trpc/${procedure}`, {
            method: "POST",
            headers: { "content-type": "application/json", origin: this.base, host: new URL(this.base).host },
            body: payload,
          });
    if (outcome.kind === "response" && outcome.status === 200) {
      return { outcome, data: (JSON.parse(outcome.body) as { result: { data: T } }).result.data };
    }
    return { outcome };
  }
}

test("T17 npm start under a flow of updates: PostgreSQL killed, then the app server killed: no request hangs, errors are 503, back within 10 s, no accepted update lost, duplicated or half-written", async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-t17-"));
  let output = "";
  const start: ChildProcess = spawn(process.execPath, scriptArgs("server/cli/start.ts", "--fresh", "--data-dir", dataDir, "--port", String(port)), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", NEXT_DIST_DIR: ".next-test", NEXTAUTH_URL: base, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const db = { client: undefined as pg.Client | undefined };

  try {
    // Up: the health check answers 200 (migrations, demo data and the app server are ready).
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 180_000, intervals: [500] })
      .toBe(200);

    const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    // The app server npm start runs: Next.js through server/cli/serve.mjs.
    const appServerPid = () => descendants(start.pid!).find((p) => p.command.includes("server/cli/serve.mjs"))?.pid;
    const [, , , pgPort] = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
    const { password } = JSON.parse(fs.readFileSync(path.join(dataDir, "credentials.json"), "utf8")) as { password: string };
    const connect = async () => {
      const client = new pg.Client({ host: "127.0.0.1", port: Number(pgPort), user: "postgres", password, database: "app" });
      await client.connect();
      return client;
    };
    db.client = await connect();
    const { rows: statuses } = await db.client.query<{ id: string; progress: number }>(
      `SELECT s.id, s."defaultProgress" AS progress FROM "ScaleStatus" s JOIN "StatusScale" sc ON sc.id = s."scaleId" WHERE sc."isDefault" ORDER BY s.position`,
    );
    const { rows: commitmentRows } = await db.client.query<{ id: string; iso2: string }>(
      `SELECT c.id, s.iso2 FROM "Commitment" c JOIN "State" s ON s.id = c."stateId" WHERE s.iso2 IN ('AT', 'IT', 'DE') ORDER BY c.id`,
    );
    const commitmentsOf = (iso2: string) => commitmentRows.filter((row) => row.iso2 === iso2).map((row) => row.id);
    await db.client.end();
    db.client = undefined;

    const observations: Observation[] = [];
    const focal = await Promise.all(
      (["at", "it", "de"] as const).map(async (code) => {
        const client = new Client(base, observations);
        await client.signIn(`focal.${code}@demo.test`);
        return { client, commitments: commitmentsOf(code.toUpperCase()) };
      }),
    );
    const analyst = new Client(base, observations);
    await analyst.signIn("analyst@demo.test");

    // What clients saw acknowledged.
    const submitted: { narrative: string; id: string }[] = [];
    const attempted: string[] = [];
    const accepted: { id: string; version: number }[] = [];
    let flowing = true;

    const focalLoop = async ({ client, commitments }: (typeof focal)[number], worker: number) => {
      for (let n = 0; flowing; n++) {
        const commitmentId = commitments[n % commitments.length]!;
        const status = statuses[1 + (n % (statuses.length - 2))]!;
        const narrative = `T17 flow ${worker}-${n}`;
        attempted.push(narrative);
        const saved = await client.trpc<{ id: string }>(
          "saveAndSubmit",
          "commitments.saveAndSubmit",
          { commitmentId, content: { statusId: status.id, progress: status.progress, narrative, evidence: [] } },
          "mutation",
        );
        if (saved.data) submitted.push({ narrative, id: saved.data.id });
        if (saved.outcome.kind !== "response") await sleep(200); // the app server is restarting
        if (n % 5 === 0) await client.send("page", "/commitments", {}, true);
        await sleep(100); // a steady flow, not a load test
      }
    };
    const analystLoop = async () => {
      let lastExport = 0;
      for (let n = 0; flowing; n++) {
        // The demo's own waiting updates stand first in the queue (the oldest): the analyst accepts this flow's only.
        const queue = await analyst.trpc<{ items: { id: string; version: number; narrative: string }[] }>("reviewQueue", "review.queue", { limit: 50 }, "query");
        for (const item of (queue.data?.items ?? []).filter((update) => update.narrative.startsWith("T17 flow "))) {
          const result = await analyst.trpc<{ id: string; version: number }>("acceptUpdate", "review.accept", { updateId: item.id, expectedVersion: item.version }, "mutation");
          if (result.data) accepted.push(result.data);
        }
        if (Date.now() - lastExport > 2_000) {
          lastExport = Date.now();
          await analyst.send("export", "/api/reports/export?report=overdue&format=csv");
        }
        if (queue.outcome.kind !== "response") await sleep(200);
        else if (!queue.data?.items.some((update) => update.narrative.startsWith("T17 flow "))) await sleep(50);
      }
    };
    const flow = Promise.all([...focal.map((f, i) => focalLoop(f, i)), analystLoop()]);

    /**
     * Kills a process while updates flow, and measures from the kill to the end of the first
     * accept, started after the kill, that succeeded: the service is back.
     */
    const killAndRecover = async (pid: number) => {
      await sleep(2_000); // updates flowing before the kill
      const killedAt = Date.now();
      process.kill(pid, "SIGKILL");
      const acceptAfterKill = () =>
        observations.find((o) => o.what === "acceptUpdate" && o.at > killedAt && o.outcome.kind === "response" && o.outcome.status === 200);
      await expect.poll(() => acceptAfterKill() !== undefined, { timeout: 60_000, intervals: [100] }).toBe(true);
      const back = acceptAfterKill()!;
      return { backAfterMs: back.at + back.outcome.ms - killedAt, killedAt };
    };

    const step = (what: string) => console.log(`T17 ${new Date().toISOString()} ${what}`);
    step("flowing");
    const firstPostmaster = postmasterPid();
    const database = await killAndRecover(firstPostmaster);
    const secondPostmaster = postmasterPid();
    expect(secondPostmaster).not.toBe(firstPostmaster);

    step("PostgreSQL back");
    const firstApp = appServerPid()!;
    expect(firstApp).toBeGreaterThan(0);
    const app = await killAndRecover(firstApp);
    expect(appServerPid()).not.toBe(firstApp);
    // The database was left alone while the app server restarted.
    expect(postmasterPid()).toBe(secondPostmaster);

    step("app server back");
    await sleep(1_000);
    flowing = false;
    await flow;
    step("flow ended");

    console.log(
      `T17: PostgreSQL killed -> serving again after ${database.backAfterMs} ms; app server killed -> after ${app.backAfterMs} ms; ` +
        `${observations.length} requests (${observations.filter((o) => o.outcome.kind === "response" && o.outcome.status === 503).length} answered 503, ` +
        `${observations.filter((o) => o.outcome.kind === "refused").length} refused), ${submitted.length} submissions and ${accepted.length} accepts acknowledged`,
    );

    // No request hung, and the slowest stayed within the bound.
    expect(observations.filter((o) => o.outcome.kind === "hung")).toEqual([]);
    expect(Math.max(...observations.map((o) => o.outcome.ms))).toBeLessThan(REQUEST_BOUND_MS);
    // Errors are 503 (with a request id), never 500; conflicts from retried work are 409; 302 is sign-in.
    const statuses5xx = observations.filter((o) => o.outcome.kind === "response" && o.outcome.status >= 500);
    expect(statuses5xx.filter((o) => o.outcome.kind === "response" && o.outcome.status !== 503)).toEqual([]);
    expect(statuses5xx.filter((o) => !o.requestId)).toEqual([]);
    const statusesSeen = new Set(observations.map((o) => (o.outcome.kind === "response" ? o.outcome.status : o.outcome.kind)));
    // (429: a per-client rate limit on exports may answer; it is not a failure of the service.)
    for (const status of statusesSeen) expect([200, 302, 307, 400, 409, 429, 503, "refused"]).toContain(status);
    // Back within the bound; connections refused only while the app server was down
    expect(database.backAfterMs).toBeLessThan(RECOVERY_BOUND_MS);
    expect(app.backAfterMs).toBeLessThan(RECOVERY_BOUND_MS);
    // (a request in flight when the app server was killed loses its connection too).
    expect(observations.filter((o) => o.outcome.kind === "refused" && (o.at + o.outcome.ms < app.killedAt || o.at > app.killedAt + RECOVERY_BOUND_MS))).toEqual([]);

    // Each 503 of the API and exports was logged once, as JSON, with its request id.
    const logLines = output.split("\n").filter((line) => line.startsWith("{"));
    for (const observation of statuses5xx.filter((o) => o.what !== "page")) {
      const lines = logLines.filter((line) => line.includes(observation.requestId!));
      expect(lines, `log lines of ${observation.requestId}`).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ event: "request.database_unavailable", requestId: observation.requestId });
    }
    // (The start banner names the published demo password; log lines never carry a password or token.)
    expect(logLines.filter((line) => line.includes(PASSWORD) || /session-token|csrf-token/.test(line))).toEqual([]);
    // Each restart was logged in one line.
    expect(logLines.filter((line) => line.includes('"event":"supervisor.restarted"')).map((line) => (JSON.parse(line) as { process: string }).process)).toEqual(["PostgreSQL", "The app server"]);

    // What the clients saw acknowledged is in the database, once and whole.
    db.client = await connect();
    step("checking the database");
    const q = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await db.client!.query<T>(sql, values)).rows;
    for (const { narrative, id } of submitted) {
      expect(await q(`SELECT id FROM "ProgressUpdate" WHERE narrative = $1`, [narrative])).toEqual([{ id }]);
    }
    for (const narrative of attempted) {
      expect((await q(`SELECT id FROM "ProgressUpdate" WHERE narrative = $1`, [narrative])).length).toBeLessThanOrEqual(1);
    }
    expect(new Set(accepted.map((a) => a.id)).size).toBe(accepted.length);
    const acceptedInDb = await q<{ id: string; changes: number; update_audits: number; commitment_audits: number }>(`
      SELECT u.id,
             (SELECT count(*)::int FROM "CommitmentStatusChange" h WHERE h."updateId" = u.id) AS changes,
             (SELECT count(*)::int FROM "AuditEvent" a WHERE a.action = 'update.accepted' AND a."entityId" = u.id::text) AS update_audits,
             (SELECT count(*)::int FROM "AuditEvent" a WHERE a.action = 'commitment.status_accepted' AND a.after->>'updateId' = u.id::text) AS commitment_audits
      FROM "ProgressUpdate" u WHERE u."reviewState" = 'ACCEPTED' AND u.narrative LIKE 'T17 flow %'`);
    const byId = new Map(acceptedInDb.map((row) => [row.id, row]));
    for (const { id } of accepted) expect(byId.get(id), `accepted update ${id}`).toEqual({ id, changes: 1, update_audits: 1, commitment_audits: 1 });
    // Accepts whose answer was lost in the crash are whole too, or absent: never half-written.
    for (const row of acceptedInDb) expect(row).toEqual({ id: row.id, changes: 1, update_audits: 1, commitment_audits: 1 });
    expect(await q(`SELECT h.id FROM "CommitmentStatusChange" h JOIN "ProgressUpdate" u ON u.id = h."updateId" WHERE u."reviewState" <> 'ACCEPTED'`)).toEqual([]);
    // Each commitment shows its latest accepted status.
    expect(
      await q(`
        SELECT c.id FROM "Commitment" c
        JOIN LATERAL (SELECT * FROM "CommitmentStatusChange" h WHERE h."commitmentId" = c.id ORDER BY h."effectiveAt" DESC, h.id DESC LIMIT 1) last ON true
        WHERE c."acceptedStatusId" <> last."statusId" OR c."acceptedProgress" <> last.progress`),
    ).toEqual([]);
    expect(accepted.length).toBeGreaterThan(0);
    await db.client.end();
    db.client = undefined;

    // Ctrl-C still stops both: nothing of this run is left.
    const lastApp = appServerPid()!;
    const exited = new Promise((resolve) => start.once("exit", resolve));
    start.kill("SIGINT");
    step("stopping");
    expect(await Promise.race([exited.then(() => "stopped"), sleep(30_000).then(() => "still running")])).toBe("stopped");
    expect(start.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(fs.existsSync(`/proc/${lastApp}`)).toBe(false);
  } finally {
    await db.client?.end().catch(() => undefined);
    if (start.exitCode === null && start.signalCode === null) {
      for (const leftover of descendants(start.pid!)) process.kill(leftover.pid, "SIGKILL");
      start.kill("SIGKILL");
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("T17 with DATABASE_URL, pages, API and exports answer 503 with a reference while PostgreSQL is down, and serve again by themselves when it is back", async () => {
  test.setTimeout(240_000);
  const { startEmbeddedPostgres } = await import("../server/cli/postgres/embedded");
  // A folder the PostgreSQL user can enter (mkdtemp makes it private to this user).
  const dataDir = path.join(os.tmpdir(), `tracker-t17-url-${process.pid}-${Date.now()}`);
  const database = await startEmbeddedPostgres({ dataDir, fresh: true });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let output = "";
  const start: ChildProcess = spawn(process.execPath, scriptArgs("server/cli/start.ts", "--demo", "--port", String(port)), {
    cwd: ROOT,
    // With DATABASE_URL, npm start requires a session secret of the operator's.
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"), NEXT_DIST_DIR: ".next-test", NEXTAUTH_URL: base, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 180_000, intervals: [500] })
      .toBe(200);
    const observations: Observation[] = [];
    const focal = new Client(base, observations);
    await focal.signIn("focal.at@demo.test");
    const page = () => focal.send("page", "/commitments", {}, true);
    const api = () => focal.trpc("list", "commitments.list", { limit: 5 }, "query");
    const exported = () => focal.send("export", "/api/reports/export?report=overdue&format=csv");
    expect(await page()).toMatchObject({ kind: "response", status: 200 });

    await database.stop();
    const downPage = await page();
    expect(downPage).toMatchObject({ kind: "response", status: 503 });
    const html = downPage.kind === "response" ? downPage.body : "";
    expect(html).toContain("Service unavailable");
    expect(html).toContain('href="/commitments"');
    expect(html).not.toMatch(/ECONNREFUSED|postgres|prisma|\bat \S+:\d+/i);
    const pageRef = /Reference: <code>([^<]+)</.exec(html)?.[1];
    expect(pageRef).toBeTruthy();
    const downApi = (await api()).outcome;
    expect(downApi).toMatchObject({ kind: "response", status: 503 });
    expect(downApi.kind === "response" && downApi.body).toContain("SERVICE_UNAVAILABLE");
    expect(await exported()).toMatchObject({ kind: "response", status: 503 });
    expect((await focal.send("health", "/api/health")).kind === "response").toBe(true);
    expect(observations.at(-1)!.outcome).toMatchObject({ status: 503 });
    // Each failure logged once, with its request id, as a JSON line.
    const logLines = output.split("\n").filter((line) => line.startsWith("{"));
    for (const ref of [pageRef!, ...observations.filter((o) => o.requestId && o.what !== "page").map((o) => o.requestId!)]) {
      expect(logLines.filter((line) => line.includes(ref)), `log lines of ${ref}`).toHaveLength(1);
    }

    await database.restart();
    expect(await page()).toMatchObject({ kind: "response", status: 200 });
    expect((await api()).outcome).toMatchObject({ kind: "response", status: 200 });
    expect(await exported()).toMatchObject({ kind: "response", status: 200 });
    expect(observations.filter((o) => o.outcome.kind !== "response")).toEqual([]);
  } finally {
    if (start.exitCode === null && start.signalCode === null) {
      const exited = new Promise((resolve) => start.once("exit", resolve));
      start.kill("SIGINT");
      await Promise.race([exited, sleep(30_000)]);
    }
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
