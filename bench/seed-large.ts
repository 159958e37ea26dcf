// `npm run seed:large`: fills the bench database (embedded under .data/large, or
// BENCH_DATABASE_URL) with a large, realistic data set, set-based in PostgreSQL:
//   57 participating States and 11 Partners, 20 sources, 2,000 published recommendations
//   addressed to all participating States (114,000 commitments), 10 accepted progress updates per
//   commitment spread over 5 years (1.14 million), their status history and audit events, a focal
//   point per State, an analyst and an administrator.
// Re-runnable: the bench database is dropped and recreated each time.
// Other sizes: --recommendations 200 --updates 2 [--sources 20] [--data-dir .data/bench-small]
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { migrateDatabase } from "@/server/cli/database";
import { runCli } from "@/server/cli/user-facing-error";
import { hashPassword } from "@/server/auth/password";
import { seedReferenceData } from "@/server/cli/seed/reference-data";
import { DEFAULT_BENCH_DATA_DIR, openBenchServer, recreateDatabase } from "@/bench/lib/database";
import { progressBar } from "@/bench/lib/progress";
import { BENCH_ADMIN_EMAIL, BENCH_ANALYST_EMAIL, BENCH_PASSWORD, focalPointEmailSql } from "@/bench/lib/accounts";

const { values: args } = parseArgs({
  options: {
    recommendations: { type: "string", default: "2000" },
    updates: { type: "string", default: "10" },
    sources: { type: "string", default: "20" },
    "data-dir": { type: "string" },
  },
});

function positiveInt(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer >= ${min}, not "${raw}".`);
  return value;
}

const RECOMMENDATIONS = positiveInt("recommendations", args.recommendations!, 1);
const UPDATES = positiveInt("updates", args.updates!, 0);
const SOURCES = positiveInt("sources", args.sources!, 1);
const DATA_DIR = path.resolve(args["data-dir"] ?? process.env.BENCH_DATA_DIR ?? DEFAULT_BENCH_DATA_DIR);
/** Recommendations per chunk: the unit of the progress bar. */
const CHUNK = Math.max(1, Math.min(100, Math.ceil(RECOMMENDATIONS / 20)));

// Phrases that recommendations are made of, so that a text search finds a realistic share (1 in 8
// contains "temporary residency").
const PHRASES = [
  "Grant temporary residency to trafficked migrant children who are not eligible for refugee status",
  "Harmonize and strengthen child protection systems for large influxes and crisis contexts",
  "Develop a regional multi-stakeholder response to transnational trafficking",
  "Train frontline officers to identify presumed child victims at borders",
  "Ensure guardianship for unaccompanied and separated children without delay",
  "Collect disaggregated data on child trafficking and publish it annually",
  "Prosecute traffickers and ensure victims are not punished for offences they were compelled to commit",
  "Fund specialized shelters and long-term reintegration programmes",
];

/** The tables whose secondary indexes and foreign keys are dropped during the bulk load. */
const BULK_TABLES = ["ProgressUpdate", "CommitmentStatusChange", "AuditEvent", "Commitment"];

type SavedDefinitions = { indexes: string[]; constraints: { table: string; name: string; definition: string }[] };

/** Drops the bulk tables' secondary indexes and foreign keys, returning their exact definitions. */
async function dropBulkIndexes(client: pg.Client): Promise<SavedDefinitions> {
  const { rows: constraints } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT rel.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid) AS definition
     FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
     WHERE ns.nspname = current_schema() AND con.contype = 'f'
       AND (rel.relname = ANY($1) OR con.confrelid IN (SELECT oid FROM pg_class WHERE relname = ANY($1) AND relnamespace = ns.oid))`,
    [BULK_TABLES],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
    [BULK_TABLES],
  );
  for (const constraint of constraints) await client.query(`ALTER TABLE "${constraint.table}" DROP CONSTRAINT "${constraint.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return { indexes: indexes.map((index) => index.definition), constraints };
}

async function restoreBulkIndexes(client: pg.Client, saved: SavedDefinitions, onStep: (label: string) => void) {
  for (const definition of saved.indexes) {
    onStep(`index ${definition.match(/INDEX (\S+)/)?.[1] ?? ""}`);
    await client.query(definition);
  }
  for (const constraint of saved.constraints) {
    onStep(`constraint ${constraint.name}`);
    await client.query(`ALTER TABLE "${constraint.table}" ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
  }
}

async function seedAccounts(client: pg.Client) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "stateId", "updatedAt")
     SELECT uuidv7(), ${focalPointEmailSql("s.iso2")}, 'Bench focal point ' || s.iso2, $1::text, 'FOCAL_POINT', s.id, now()
     FROM "State" s WHERE s.kind = 'PARTICIPATING'`,
    [passwordHash],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
     VALUES (uuidv7(), $1::text, 'Bench analyst', $3::text, 'ANALYST', now()), (uuidv7(), $2::text, 'Bench admin', $3::text, 'ADMIN', now())`,
    [BENCH_ANALYST_EMAIL, BENCH_ADMIN_EMAIL, passwordHash],
  );
}

/** Sources and published recommendations; the first source holds a tenth of them (200 of 2,000). */
async function seedRecommendations(client: pg.Client) {
  // Everything happens in the last five years: recommendations are published in its first 90 days.
  await client.query(`CREATE TEMP TABLE bench_window AS SELECT now() - interval '5 years' AS start, now() - interval '1 day' AS last`);
  await client.query(
    `INSERT INTO "Source" (id, title, kind, date, location, description, "updatedAt")
     SELECT uuidv7(), 'Bench source ' || lpad(n::text, 2, '0'),
            (ARRAY['CONFERENCE','ACTION_PLAN','MONITORING_CYCLE','OTHER']::"SourceKind"[])[1 + n % 4],
            (w.start - interval '30 days' + n * interval '1 day')::date, 'Vienna', 'Generated for the performance bench.', now()
     FROM generate_series(1, $1::int) n, bench_window w`,
    [SOURCES],
  );
  const firstSourceShare = SOURCES === 1 ? RECOMMENDATIONS : Math.max(1, Math.round(RECOMMENDATIONS / 10));
  await client.query(
    `CREATE TEMP TABLE bench_rec AS
     SELECT n, uuidv7() AS id, src.id AS source_id, src.ord AS source_ord,
            w.start + (n % 90) * interval '1 day' AS published_at,
            (w.start + (n % 90) * interval '1 day' + interval '90 days')::date AS due_date
     FROM generate_series(1, $1::int) n
     CROSS JOIN bench_window w
     JOIN (SELECT id, row_number() OVER (ORDER BY title) AS ord FROM "Source") src
       ON src.ord = CASE WHEN n <= $2::int OR $3::int = 1 THEN 1 ELSE 2 + (n - $2::int - 1) % ($3::int - 1) END`,
    [RECOMMENDATIONS, firstSourceShare, SOURCES],
  );
  await client.query(
    `INSERT INTO "Recommendation" (id, "sourceId", reference, text, publication, "scaleId", "dueDate", "addressAllParticipating", "publishedAt", version, "createdAt", "updatedAt")
     SELECT r.id, r.source_id, 'B' || lpad(r.source_ord::text, 2, '0') || '-' || lpad(r.n::text, 4, '0'),
            ($1::text[])[1 + r.n % 8] || ' (recommendation ' || r.n || ' of the bench data set).',
            'PUBLISHED', sc.id, r.due_date, true, r.published_at, 2, r.published_at - interval '7 days', r.published_at
     FROM bench_rec r, (SELECT id FROM "StatusScale" WHERE "isDefault") sc`,
    [PHRASES],
  );
  // One or two themes each.
  await client.query(
    `INSERT INTO "RecommendationTheme" ("recommendationId", "themeId")
     SELECT r.id, t.id FROM bench_rec r JOIN (SELECT id, row_number() OVER (ORDER BY "sortOrder") - 1 AS ord FROM "Theme") t
       ON t.ord = r.n % 6 OR (r.n % 3 = 0 AND t.ord = (r.n / 6) % 6)
     ON CONFLICT DO NOTHING`,
  );
  await client.query(`CREATE TEMP TABLE bench_state AS
    SELECT s.id, s.iso2, u.id AS focal_id, u.email AS focal_email FROM "State" s JOIN "User" u ON u."stateId" = s.id WHERE s.kind = 'PARTICIPATING'`);
  await client.query(`CREATE TEMP TABLE bench_status AS
    SELECT st.position, st.id, st."defaultProgress" AS default_progress FROM "ScaleStatus" st JOIN "StatusScale" sc ON sc.id = st."scaleId" WHERE sc."isDefault"`);
  await client.query(
    `CREATE TEMP TABLE bench_actor AS SELECT id, email FROM "User" WHERE email = $1::text`,
    [BENCH_ANALYST_EMAIL],
  );
}

/** Commitments, updates, status history and audit events for recommendations first..last. */
async function seedChunk(client: pg.Client, first: number, last: number) {
  await client.query(
    `CREATE TEMP TABLE chunk_c AS
     SELECT uuidv7() AS id, r.id AS rec_id, r.published_at, r.due_date, s.id AS state_id, s.focal_id, s.focal_email
     FROM bench_rec r CROSS JOIN bench_state s WHERE r.n BETWEEN $1::int AND $2::int`,
    [first, last],
  );
  // Update k of U lands in the k-th slice of the commitment's life; statuses climb with k, and a
  // few end up "not applicable" (position 5).
  await client.query(
    `CREATE TEMP TABLE chunk_u AS
     SELECT x.id, x.commitment_id, x.focal_id, x.k, x.reviewed_at, st.id AS status_id,
            CASE WHEN x.pos IN (1, 2, 3) THEN least(99, st.default_progress + x.jitter) ELSE st.default_progress END AS progress
     FROM (
       SELECT uuidv7() AS id, c.id AS commitment_id, c.focal_id, k,
              c.published_at + ((k - 1) + 0.05 + 0.9 * random()) * ((w.last - c.published_at) / $1::int) AS reviewed_at,
              CASE WHEN random() < 0.02 THEN 5 ELSE least(4, greatest(0, floor(k::float8 / $1::int * 5 + random() * 1.5 - 0.75)))::int END AS pos,
              floor(random() * 15)::int AS jitter
       FROM chunk_c c CROSS JOIN generate_series(1, $1::int) k CROSS JOIN bench_window w
     ) x JOIN bench_status st ON st.position = x.pos`,
    [Math.max(UPDATES, 1)],
  );
  if (UPDATES === 0) await client.query(`TRUNCATE chunk_u`);
  await client.query(
    `INSERT INTO "Commitment" (id, "recommendationId", "stateId", voluntary, "acceptedStatusId", "acceptedProgress", "acceptedAt", "dueDate", version, "updatedById", "createdAt", "updatedAt")
     SELECT c.id, c.rec_id, c.state_id, false, coalesce(u.status_id, ns.id), coalesce(u.progress, 0), u.reviewed_at, c.due_date,
            1 + $1::int, CASE WHEN u.id IS NULL THEN NULL ELSE (SELECT id FROM bench_actor) END, c.published_at, coalesce(u.reviewed_at, c.published_at)
     FROM chunk_c c
     CROSS JOIN (SELECT id FROM bench_status WHERE position = 0) ns
     LEFT JOIN chunk_u u ON u.commitment_id = c.id AND u.k = $1::int`,
    [UPDATES],
  );
  await client.query(
    `INSERT INTO "CommitmentStatusChange" (id, "commitmentId", "statusId", progress, "effectiveAt", "updateId", "changedById")
     SELECT uuidv7(), c.id, ns.id, 0, c.published_at, NULL, NULL FROM chunk_c c CROSS JOIN (SELECT id FROM bench_status WHERE position = 0) ns
     UNION ALL
     SELECT uuidv7(), u.commitment_id, u.status_id, u.progress, u.reviewed_at, u.id, (SELECT id FROM bench_actor) FROM chunk_u u`,
  );
  await client.query(
    `INSERT INTO "ProgressUpdate" (id, "commitmentId", "authorId", "statusId", progress, narrative, "reportingPeriod", "reviewState", "reviewerId", version, "updatedById", "submittedAt", "reviewedAt", "createdAt", "updatedAt")
     SELECT u.id, u.commitment_id, u.focal_id, u.status_id, u.progress,
            'Progress report ' || u.k || ': measures taken, legislation drafted, officials trained and data collected during the period.',
            to_char(u.reviewed_at, 'YYYY "Q"Q'), 'ACCEPTED', (SELECT id FROM bench_actor), 2, (SELECT id FROM bench_actor),
            u.reviewed_at - interval '2 days', u.reviewed_at, u.reviewed_at - interval '3 days', u.reviewed_at
     FROM chunk_u u`,
  );
  // The audit trail the app would have written: commitment.created at publication (system), and
  // per update update.submitted (focal point), update.accepted and commitment.status_accepted (analyst).
  await client.query(
    `INSERT INTO "AuditEvent" ("actorId", "actorEmail", "actorRole", "actorStateId", action, "entityType", "entityId", before, after, "createdAt")
     SELECT NULL, NULL, 'SYSTEM', NULL, 'commitment.created', 'Commitment', c.id::text, NULL,
            jsonb_build_object('recommendationId', c.rec_id, 'id', c.id, 'stateId', c.state_id, 'voluntary', false, 'acceptedProgress', 0, 'dueDate', c.due_date),
            c.published_at
     FROM chunk_c c`,
  );
  await client.query(
    `INSERT INTO "AuditEvent" ("actorId", "actorEmail", "actorRole", "actorStateId", action, "entityType", "entityId", before, after, "createdAt")
     SELECT e.* FROM chunk_u u
     JOIN chunk_c c ON c.id = u.commitment_id
     LEFT JOIN chunk_u p ON p.commitment_id = u.commitment_id AND p.k = u.k - 1
     CROSS JOIN bench_actor a
     CROSS JOIN LATERAL (VALUES
       (u.focal_id, c.focal_email, 'FOCAL_POINT', c.state_id, 'update.submitted', 'ProgressUpdate', u.id::text, NULL::jsonb,
        jsonb_build_object('id', u.id, 'reviewState', 'SUBMITTED', 'version', 1, 'statusId', u.status_id, 'progress', u.progress,
                           'reportingPeriod', to_char(u.reviewed_at, 'YYYY "Q"Q'), 'reviewComment', NULL, 'evidence', '[]'::jsonb, 'commitmentId', u.commitment_id),
        u.reviewed_at - interval '2 days'),
       (a.id, a.email, 'ANALYST', NULL, 'update.accepted', 'ProgressUpdate', u.id::text,
        jsonb_build_object('reviewState', 'SUBMITTED'), jsonb_build_object('reviewState', 'ACCEPTED', 'comment', NULL), u.reviewed_at),
       (a.id, a.email, 'ANALYST', NULL, 'commitment.status_accepted', 'Commitment', u.commitment_id::text,
        jsonb_build_object('acceptedStatusId', coalesce(p.status_id, (SELECT id FROM bench_status WHERE position = 0)), 'acceptedProgress', coalesce(p.progress, 0), 'acceptedAt', p.reviewed_at, 'version', u.k),
        jsonb_build_object('acceptedStatusId', u.status_id, 'acceptedProgress', u.progress, 'acceptedAt', u.reviewed_at, 'version', u.k + 1, 'updateId', u.id),
        u.reviewed_at)
     ) AS e("actorId", "actorEmail", "actorRole", "actorStateId", action, "entityType", "entityId", before, after, "createdAt")`,
  );
  await client.query(`DROP TABLE chunk_c, chunk_u`);
}

async function main() {
  const started = Date.now();
  const database = await openBenchServer(DATA_DIR);
  const stop = async () => database.stop();
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    console.log(
      `Bench data: ${RECOMMENDATIONS} recommendations x 57 States, ${UPDATES} accepted updates each, ${SOURCES} sources` +
        ` (${database.embedded ? `embedded PostgreSQL in ${path.relative(process.cwd(), DATA_DIR) || DATA_DIR}` : "BENCH_DATABASE_URL"}).`,
    );
    await recreateDatabase(database);
    await migrateDatabase(database.url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      await seedReferenceData(prisma);
    } finally {
      await prisma.$disconnect();
    }

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`SET synchronous_commit = off`);
      await client.query(`SET maintenance_work_mem = '512MB'`);
      await client.query(`SET work_mem = '64MB'`);
      await seedAccounts(client);
      await seedRecommendations(client);
      const saved = await dropBulkIndexes(client);

      const chunks = Math.ceil(RECOMMENDATIONS / CHUNK);
      const steps = chunks + saved.indexes.length + saved.constraints.length + 1;
      const bar = progressBar("Seeding", steps);
      let step = 0;
      for (let chunk = 0; chunk < chunks; chunk++) {
        const first = chunk * CHUNK + 1;
        const last = Math.min(RECOMMENDATIONS, first + CHUNK - 1);
        bar.update(step, `recommendations ${first}-${last}`);
        await seedChunk(client, first, last);
        step++;
      }
      await restoreBulkIndexes(client, saved, (label) => bar.update(step++, label));
      bar.update(step, "vacuum analyze");
      await client.query(`VACUUM (ANALYZE) "Commitment", "ProgressUpdate", "CommitmentStatusChange", "AuditEvent", "Recommendation", "RecommendationTheme", "User", "State"`);
      bar.finish("done");

      const { rows } = await client.query<{ table: string; rows: string }>(
        `SELECT 'Recommendation' AS table, count(*)::text AS rows FROM "Recommendation"
         UNION ALL SELECT 'Commitment', count(*)::text FROM "Commitment"
         UNION ALL SELECT 'ProgressUpdate', count(*)::text FROM "ProgressUpdate"
         UNION ALL SELECT 'CommitmentStatusChange', count(*)::text FROM "CommitmentStatusChange"
         UNION ALL SELECT 'AuditEvent', count(*)::text FROM "AuditEvent"`,
      );
      const { rows: size } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
      console.log(rows.map((row) => `${row.table}: ${Number(row.rows).toLocaleString("en")}`).join(", ") + `; database ${size[0]!.size}`);
      console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s. Sign in as ${BENCH_ANALYST_EMAIL} or bench.<iso2>@bench.test, password ${BENCH_PASSWORD}.`);
    } finally {
      await client.end();
    }
  } finally {
    await stop();
  }
}

runCli(main);
