// Writes under load: concurrent focal points submit updates (commitments.saveAndSubmit) that an
// analyst then accepts (commitments.acceptUpdate), over HTTP; then the same transactions issued
// directly through `pg` with as many connections, for the throughput the database allows.
import type pg from "pg";
import { CallError, type AppClient } from "@/bench/lib/http";
import { percentile, round } from "@/bench/lib/stats";

export type WriteWorker = { stateId: string; focalId: string; client: AppClient; commitmentIds: string[] };
export type StatusChoice = { id: string; progress: number };

export type WriteResult = {
  clients: number;
  seconds: number;
  requests: number;
  /** Successful requests (each one transaction) per second. */
  throughput: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  byKind: Record<string, { ok: number; p50: number; p95: number; p99: number }>;
  errors: Record<string, number>;
  /** CONFLICT answers: expected when two writers race for one record (none should here). */
  conflicts: number;
};

type Recorder = { ok: (kind: string, ms: number) => void; fail: (kind: string, error: unknown) => void; result: (clients: number, seconds: number) => WriteResult };

function recorder(): Recorder {
  const latencies = new Map<string, number[]>();
  const errors: Record<string, number> = {};
  let conflicts = 0;
  return {
    ok: (kind, ms) => {
      const list = latencies.get(kind) ?? [];
      list.push(ms);
      latencies.set(kind, list);
    },
    fail: (kind, error) => {
      const code = error instanceof CallError ? error.kind : ((error as { code?: string }).code ?? "EXCEPTION");
      if (code === "CONFLICT") conflicts++;
      const name = `${kind}:${code}`;
      errors[name] = (errors[name] ?? 0) + 1;
    },
    result: (clients, seconds) => {
      const all = [...latencies.values()].flat();
      const byKind = Object.fromEntries(
        [...latencies].map(([kind, list]) => [kind, { ok: list.length, p50: round(percentile(list, 50)), p95: round(percentile(list, 95)), p99: round(percentile(list, 99)) }]),
      );
      return {
        clients,
        seconds: round(seconds),
        requests: all.length,
        throughput: round(all.length / seconds),
        latency: { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), p99: round(percentile(all, 99)), max: round(Math.max(0, ...all)) },
        byKind,
        errors,
        conflicts,
      };
    },
  };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

type Limits = { seconds: number; maxPairsPerClient: number };

export async function runAppWrites(workers: WriteWorker[], analyst: AppClient, statuses: StatusChoice[], limits: Limits): Promise<WriteResult> {
  const record = recorder();
  const started = now();
  const deadline = started + limits.seconds * 1000;
  await Promise.all(
    workers.map(async (worker, index) => {
      for (let pair = 0; pair < limits.maxPairsPerClient && now() < deadline; pair++) {
        const commitmentId = worker.commitmentIds[pair % worker.commitmentIds.length]!;
        const status = statuses[(pair + index) % statuses.length]!;
        let submitted: { id: string; version: number };
        let t = now();
        try {
          submitted = await worker.client.mutate<{ id: string; version: number }>("commitments.saveAndSubmit", {
            commitmentId,
            content: { statusId: status.id, progress: status.progress, narrative: `Bench update ${pair} of client ${index}.`, reportingPeriod: "Bench", evidence: [] },
          });
          record.ok("submit", now() - t);
        } catch (error) {
          record.fail("submit", error);
          continue;
        }
        t = now();
        try {
          await analyst.mutate("commitments.acceptUpdate", { updateId: submitted.id, expectedVersion: submitted.version });
          record.ok("accept", now() - t);
        } catch (error) {
          record.fail("accept", error);
        }
      }
    }),
  );
  return record.result(workers.length, (now() - started) / 1000);
}

/** The same two transactions as the app writes (without its reads), straight through pg. */
export async function runSqlWrites(pool: pg.Pool, workers: WriteWorker[], analystId: string, statuses: StatusChoice[], limits: Limits): Promise<WriteResult> {
  const record = recorder();
  const clients = await Promise.all(workers.map(() => pool.connect()));
  const started = now();
  const deadline = started + limits.seconds * 1000;
  try {
    await Promise.all(
      workers.map(async (worker, index) => {
        const client = clients[index]!;
        for (let pair = 0; pair < limits.maxPairsPerClient && now() < deadline; pair++) {
          const commitmentId = worker.commitmentIds[pair % worker.commitmentIds.length]!;
          const status = statuses[(pair + index) % statuses.length]!;
          let updateId: string;
          let t = now();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query<{ id: string }>(
              `INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, narrative, "reportingPeriod", "reviewState", version, "updatedById", "submittedAt", "createdAt", "updatedAt")
               VALUES (uuidv7(), $1::uuid, $2::uuid, $3::uuid, $4::int, $5::text, 'Bench', 'SUBMITTED', 1, $2::uuid, now(), now(), now()) RETURNING id`,
              [commitmentId, worker.focalId, status.id, status.progress, `Bench SQL update ${pair} of client ${index}.`],
            );
            updateId = rows[0]!.id;
            await client.query(
              `INSERT INTO "AuditEvent" ("actorId", "actorRole", "actorStateId", action, "entityType", "entityId", after)
               VALUES ($1::uuid, 'FOCAL_POINT', $2::uuid, 'update.submitted', 'ProgressUpdate', $3::text,
                       jsonb_build_object('id', $3::text, 'reviewState', 'SUBMITTED', 'version', 1, 'statusId', $4::text, 'progress', $5::int, 'evidence', '[]'::jsonb, 'commitmentId', $6::text))`,
              [worker.focalId, worker.stateId, updateId, status.id, status.progress, commitmentId],
            );
            await client.query("COMMIT");
            record.ok("submit", now() - t);
          } catch (error) {
            await client.query("ROLLBACK").catch(() => undefined);
            record.fail("submit", error);
            continue;
          }
          t = now();
          try {
            await client.query("BEGIN");
            const accepted = await client.query<{ commitment_id: string }>(
              `UPDATE "ProgressUpdate" SET "reviewState" = 'ACCEPTED', "reviewerId" = $2::uuid, "reviewedAt" = now(), "updatedById" = $2::uuid, version = version + 1, "updatedAt" = now()
               WHERE id = $1::uuid AND version = 1 AND "reviewState" = 'SUBMITTED' RETURNING "commitmentId" AS commitment_id`,
              [updateId, analystId],
            );
            if (accepted.rowCount !== 1) throw Object.assign(new Error("stale version"), { code: "CONFLICT" });
            const { rows } = await client.query<{ before: unknown }>(
              `UPDATE "Commitment" c SET "acceptedStatusId" = $2::uuid, "acceptedProgress" = $3::int, "acceptedAt" = now(), "updatedById" = $4::uuid, version = c.version + 1, "updatedAt" = now()
               FROM (SELECT id, "acceptedStatusId", "acceptedProgress", "acceptedAt", version FROM "Commitment" WHERE id = $1::uuid FOR UPDATE) old
               WHERE c.id = old.id
               RETURNING jsonb_build_object('acceptedStatusId', old."acceptedStatusId", 'acceptedProgress', old."acceptedProgress", 'acceptedAt', old."acceptedAt", 'version', old.version) AS before`,
              [commitmentId, status.id, status.progress, analystId],
            );
            await client.query(
              `INSERT INTO "CommitmentStatusChange" (id, "commitmentId", "statusId", progress, "effectiveAt", "updateId", "changedById")
               VALUES (uuidv7(), $1::uuid, $2::uuid, $3::int, now(), $4::uuid, $5::uuid)`,
              [commitmentId, status.id, status.progress, updateId, analystId],
            );
            await client.query(
              `INSERT INTO "AuditEvent" ("actorId", "actorRole", action, "entityType", "entityId", before, after) VALUES
                 ($1::uuid, 'ANALYST', 'update.accepted', 'ProgressUpdate', $2::text, '{"reviewState":"SUBMITTED"}', '{"reviewState":"ACCEPTED","comment":null}'),
                 ($1::uuid, 'ANALYST', 'commitment.status_accepted', 'Commitment', $3::text, $4::jsonb,
                  jsonb_build_object('acceptedStatusId', $5::text, 'acceptedProgress', $6::int, 'acceptedAt', now(), 'updateId', $2::text))`,
              [analystId, updateId, commitmentId, JSON.stringify(rows[0]?.before ?? null), status.id, status.progress],
            );
            await client.query("COMMIT");
            record.ok("accept", now() - t);
          } catch (error) {
            await client.query("ROLLBACK").catch(() => undefined);
            record.fail("accept", error);
          }
        }
      }),
    );
  } finally {
    for (const client of clients) client.release();
  }
  return record.result(workers.length, (now() - started) / 1000);
}
