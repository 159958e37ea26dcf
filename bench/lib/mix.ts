// The T18 mix: concurrent focal points (one per State) each list their State's commitments
// (commitments.list), read one (commitments.get) and save a draft update of it based on the
// version just read (commitments.saveDraft), over HTTP, as the commitment page does: either with a
// pause between a person's requests, or closed loop (each request as soon as the previous answers,
// which measures what the server can take rather than what people do).
// Used by the bench (figures against the targets) and by the T18 test (correctness).
import type pg from "pg";
import { CallError, type AppClient } from "@/bench/lib/http";
import type { StatusChoice } from "@/bench/lib/writes";
import { percentile, round } from "@/bench/lib/stats";

export type MixWorker = { client: AppClient; commitmentIds: string[] };

/** A write the server answered with success: what must be in the database afterwards. */
export type AcknowledgedWrite = { updateId: string; version: number; narrative: string };

export type Latency = { count: number; p50: number; p95: number; p99: number; max: number };

export type MixResult = {
  clients: number;
  seconds: number;
  /** Rounds of list + read + write, over all clients. */
  rounds: number;
  read: Latency;
  write: Latency;
  byKind: Record<string, Latency>;
  /** Failed requests by `kind:code`, CONFLICT included. */
  errors: Record<string, number>;
  /** Failures other than CONFLICT (409): T18 allows none. */
  unexpectedErrors: Record<string, number>;
  acknowledged: AcknowledgedWrite[];
};

type OpenUpdate = { id: string; reviewState: string; version: number } | null;

const READS = new Set(["list", "get"]);
const now = () => Number(process.hrtime.bigint()) / 1e6;

function latency(values: number[]): Latency {
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(0, ...values)),
  };
}

export type MixLimits = {
  rounds: number;
  seconds?: number;
  /** Mean pause after each answer (drawn from 0.5 to 1.5 times this); 0 for a closed loop. */
  thinkMs?: number;
};

/**
 * Runs the mix until every client has done `rounds` rounds or `seconds` have passed (the round
 * in progress is finished). A commitment whose open update waits for review is read, not written.
 */
export async function runMix(workers: MixWorker[], statuses: StatusChoice[], limits: MixLimits): Promise<MixResult> {
  const timings = new Map<string, number[]>();
  const errors: Record<string, number> = {};
  const acknowledged: AcknowledgedWrite[] = [];
  let rounds = 0;

  const thinkMs = limits.thinkMs ?? 0;
  const think = (share = 1) => (thinkMs > 0 ? new Promise((resolve) => setTimeout(resolve, thinkMs * share * (0.5 + Math.random()))) : Promise.resolve());

  async function timedCall<T>(kind: string, call: () => Promise<T>): Promise<T | undefined> {
    const started = now();
    try {
      const value = await call();
      const list = timings.get(kind) ?? [];
      list.push(now() - started);
      timings.set(kind, list);
      return value;
    } catch (error) {
      const code = error instanceof CallError ? error.kind : "EXCEPTION";
      errors[`${kind}:${code}`] = (errors[`${kind}:${code}`] ?? 0) + 1;
      return undefined;
    } finally {
      await think();
    }
  }

  const started = now();
  const deadline = limits.seconds === undefined ? Number.POSITIVE_INFINITY : started + limits.seconds * 1000;
  await Promise.all(
    workers.map(async (worker, index) => {
      // Spread the first requests, so that people who think do not all click at once.
      await think(Math.random());
      for (let round = 0; round < limits.rounds && now() < deadline; round++) {
        rounds++;
        const commitmentId = worker.commitmentIds[round % worker.commitmentIds.length]!;
        await timedCall("list", () => worker.client.query("commitments.list", { limit: 25 }));
        const commitment = await timedCall("get", () => worker.client.query<{ openUpdate: OpenUpdate }>("commitments.get", { id: commitmentId }));
        if (!commitment || commitment.openUpdate?.reviewState === "SUBMITTED") continue;
        const status = statuses[(round + index) % statuses.length]!;
        const narrative = `T18 mix: client ${index}, round ${round}, ${Date.now()}.`;
        const open = commitment.openUpdate;
        const saved = await timedCall("saveDraft", () =>
          worker.client.mutate<{ id: string; version: number }>("commitments.saveDraft", {
            commitmentId,
            ...(open ? { updateId: open.id, expectedVersion: open.version } : {}),
            content: { statusId: status.id, progress: status.progress, narrative, reportingPeriod: "T18", evidence: [] },
          }),
        );
        if (saved) acknowledged.push({ updateId: saved.id, version: saved.version, narrative });
      }
    }),
  );

  const all = (predicate: (kind: string) => boolean) => [...timings].filter(([kind]) => predicate(kind)).flatMap(([, values]) => values);
  return {
    clients: workers.length,
    seconds: round((now() - started) / 1000),
    rounds,
    read: latency(all((kind) => READS.has(kind))),
    write: latency(all((kind) => !READS.has(kind))),
    byKind: Object.fromEntries([...timings].map(([kind, values]) => [kind, latency(values)])),
    errors,
    unexpectedErrors: Object.fromEntries(Object.entries(errors).filter(([kind]) => !kind.endsWith(":CONFLICT"))),
    acknowledged,
  };
}

/**
 * Checks that every acknowledged write is in the database: each update holds the text of its
 * last acknowledged save at that version, and each acknowledged save has exactly one audit entry
 * with its text and version. Returns what does not match (empty when all is well).
 */
export async function findLostWrites(pool: pg.Pool, acknowledged: AcknowledgedWrite[]): Promise<string[]> {
  const problems: string[] = [];
  const last = new Map<string, AcknowledgedWrite>();
  for (const write of acknowledged) if ((last.get(write.updateId)?.version ?? 0) < write.version) last.set(write.updateId, write);
  const { rows: updates } = await pool.query<{ id: string; version: number; narrative: string }>(
    `SELECT id::text AS id, version, narrative FROM "ProgressUpdate" WHERE id = ANY($1::uuid[])`,
    [[...last.keys()]],
  );
  const stored = new Map(updates.map((row) => [row.id, row]));
  for (const [id, write] of last) {
    const row = stored.get(id);
    if (!row) problems.push(`update ${id}: missing`);
    else if (row.version !== write.version || row.narrative !== write.narrative) {
      problems.push(`update ${id}: version ${row.version} "${row.narrative}", acknowledged version ${write.version} "${write.narrative}"`);
    }
  }
  const { rows: audited } = await pool.query<{ update_id: string; version: number; entries: number }>(
    `SELECT w.update_id, w.version, count(ae.id)::int AS entries
     FROM unnest($1::text[], $2::int[], $3::text[]) AS w(update_id, version, narrative)
     LEFT JOIN "AuditEvent" ae ON ae."entityType" = 'ProgressUpdate' AND ae."entityId" = w.update_id
       AND ae.action IN ('update.draft_created', 'update.draft_saved')
       AND (ae.after ->> 'version')::int = w.version AND ae.after ->> 'narrative' = w.narrative
     GROUP BY 1, 2 HAVING count(ae.id) <> 1`,
    [acknowledged.map((write) => write.updateId), acknowledged.map((write) => write.version), acknowledged.map((write) => write.narrative)],
  );
  for (const row of audited) problems.push(`update ${row.update_id} version ${row.version}: ${row.entries} audit entries`);
  return problems;
}
