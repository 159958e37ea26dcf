import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/server/db/client";
import { db } from "@/server/db/client";
import { translatorFor } from "@/server/i18n/catalogs";
import type { Actor } from "@/server/services/access";
import { recordAudit, recordAuditMany } from "@/server/services/audit";
import { staleVersionError } from "@/server/services/core/conflict";
import { startOfDayUtc, startOfTodayUtc } from "@/server/services/core/dates";
import { assertSecretariat } from "@/server/services/core/permissions";
import { recommendationAuditSelect, resolveScaleId } from "@/server/services/recommendations/drafting";
import { withThemes } from "@/server/services/recommendations/themes";
import { checkRows } from "@/server/services/imports/check-rows";
import { planImport, type ImportPlan, type NewSource, type PlannedRow } from "@/server/services/imports/plan";
import { FileRefused, readRecommendationFile } from "@/server/services/imports/read-file";
import { insertLinksSql, insertRecommendationsSql } from "@/server/services/imports/write.sql";
import { v7 as uuidv7 } from "uuid";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import type { FileColumn, FileFormat } from "@/server/schemas/recommendation-file";

// Importing a recommendation file: "check" reads and plans it without writing; "import" plans it
// again inside one transaction and writes everything or nothing. Rows match existing
// recommendations by source and reference, so importing the same file twice changes nothing.

export type UploadedFile = { name: string; bytes: Uint8Array };

export type PreviewRow = { line: number; reference: string; source: string; outcome: PlannedRow["outcome"]; changedColumns: FileColumn[] };

/** What the preview shows: counts, the rows, every problem ("Row N: column: message") and what will be created. */
export type ImportPreview = {
  fileName: string;
  checksum: string;
  format: FileFormat | null;
  counts: { new: number; changed: number; unchanged: number; errors: number };
  rows: PreviewRow[];
  problems: string[];
  newSources: string[];
  newThemes: string[];
};

export type ImportResult = {
  created: number;
  changed: number;
  unchanged: number;
  sources: { id: string; title: string; created: number; changed: number }[];
  themesCreated: string[];
};

export type ImportOutcome =
  | { kind: "imported"; preview: ImportPreview; result: ImportResult }
  /** The file is not the one checked: here is the check of the file as it is now. */
  | { kind: "fileChanged"; preview: ImportPreview }
  /** The file has problems: nothing was written. */
  | { kind: "refused"; preview: ImportPreview };

const IMPORT_TRANSACTION_MS = 120_000;
const BATCH = 1_000;

export function checksumOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function plan(tx: Tx, file: UploadedFile): Promise<{ plan: ImportPlan } | { refused: FileRefused }> {
  try {
    const rows = await readRecommendationFile(file.bytes);
    const checked = checkRows(rows);
    return { plan: await planImport(tx, rows.format, checked.rows, checked.problems) };
  } catch (error) {
    if (error instanceof FileRefused) return { refused: error };
    throw error;
  }
}

async function presentPlan(file: UploadedFile, planned: Awaited<ReturnType<typeof plan>>, locale: Locale): Promise<ImportPreview> {
  const t = await translatorFor(locale, "imports");
  const base = { fileName: file.name, checksum: checksumOf(file.bytes) };
  if ("refused" in planned) {
    const { key, values } = planned.refused;
    return {
      ...base,
      format: null,
      counts: { new: 0, changed: 0, unchanged: 0, errors: 1 },
      rows: [],
      problems: [t(`fileProblems.${key}`, values)],
      newSources: [],
      newThemes: [],
    };
  }
  const { rows, problems, newSources, newThemes, format } = planned.plan;
  const count = (outcome: PlannedRow["outcome"]) => rows.filter((row) => row.outcome === outcome).length;
  return {
    ...base,
    format,
    counts: { new: count("new"), changed: count("changed"), unchanged: count("unchanged"), errors: problems.length },
    rows: rows.map((row) => ({ line: row.line, reference: row.reference, source: row.source.title, outcome: row.outcome, changedColumns: row.changedColumns })),
    problems: problems.map((item) => t("problem", { row: item.line, column: item.column, message: t(`problems.${item.key}`, item.values ?? {}) })),
    newSources: newSources.map((source) => source.title),
    newThemes: newThemes.map((theme) => theme.label),
  };
}

/** Reads and plans a file without writing anything. */
export async function checkRecommendationFile(actor: Actor, file: UploadedFile, locale: Locale = DEFAULT_LOCALE): Promise<ImportPreview> {
  assertSecretariat(actor);
  return presentPlan(file, await plan(db, file), locale);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A UPR session's date from its name ("... (Jan 2025) ..."), else today. */
function sessionDate(session: string): Date {
  const match = /\b([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i.exec(session);
  const month = match ? MONTHS.indexOf(match[1]!.toLowerCase()) : -1;
  return match && month >= 0 ? startOfDayUtc(`${match[2]}-${String(month + 1).padStart(2, "0")}-01`) : startOfTodayUtc();
}

function recommendationData(row: PlannedRow) {
  const { themeKeys: _themes, addresseeIds: _addressees, dueDate, ...fields } = row.values;
  return { ...fields, ...(row.keepsDueDate ? {} : { dueDate: dueDate ? startOfDayUtc(dueDate) : null }) };
}

async function snapshots(tx: Tx, ids: string[]) {
  const rows = await tx.recommendation.findMany({ where: { id: { in: ids } }, select: recommendationAuditSelect });
  return new Map(rows.map((row) => [row.id, withThemes(row)]));
}

async function createSources(tx: Tx, actor: Actor, sources: NewSource[]) {
  const ids = new Map<string, string>();
  for (const source of sources) {
    const created = await tx.source.create({
      data: { title: source.title, kind: "MONITORING_CYCLE", date: sessionDate(source.session), description: source.session },
      select: { id: true, title: true, kind: true, date: true, description: true, language: true, version: true },
    });
    await recordAudit(tx, actor, { action: "source.created", entityType: "Source", entityId: created.id, after: created });
    ids.set(source.key, created.id);
  }
  return ids;
}

async function writePlan(tx: Tx, actor: Actor, planned: ImportPlan, file: UploadedFile, checksum: string): Promise<ImportResult> {
  // Themes first, then the UPR sources, then the recommendations that use them.
  const last = await tx.theme.findFirst({ orderBy: { sortOrder: "desc" }, select: { sortOrder: true } });
  const createdThemes = planned.newThemes.length
    ? await tx.theme.createManyAndReturn({
        data: planned.newThemes.map((theme, index) => ({ key: theme.key, label: theme.label, sortOrder: (last?.sortOrder ?? 0) + 1 + index })),
        select: { id: true, key: true, label: true, sortOrder: true },
      })
    : [];
  await recordAuditMany(tx, actor, createdThemes.map((theme) => ({ action: "theme.created", entityType: "Theme", entityId: theme.id, after: theme })));
  const themeIds = new Map((await tx.theme.findMany({ select: { id: true, key: true } })).map((theme) => [theme.key, theme.id]));
  const newSourceIds = await createSources(tx, actor, planned.newSources);
  const sourceIdOf = (row: PlannedRow) => ("id" in row.source ? row.source.id : newSourceIds.get(row.source.newKey)!);

  const fresh = planned.rows.filter((row) => row.outcome === "new");
  const changed = planned.rows.filter((row) => row.outcome === "changed");
  const scaleId = fresh.length ? await resolveScaleId(tx, undefined) : null;
  const idOf = new Map<PlannedRow, string>(fresh.map((row) => [row, uuidv7()]));
  for (let start = 0; start < fresh.length; start += BATCH) {
    const batch = fresh.slice(start, start + BATCH);
    await tx.$executeRaw(
      insertRecommendationsSql(
        batch.map((row) => {
          const { themeKeys: _themes, addresseeIds: _addressees, ...fields } = row.values;
          return { ...fields, id: idOf.get(row)!, sourceId: sourceIdOf(row), reference: row.reference, scaleId: scaleId! };
        }),
      ),
    );
  }

  const before = await snapshots(tx, changed.map((row) => row.existing!.id));
  for (const row of changed) {
    const { id, version } = row.existing!;
    const { count } = await tx.recommendation.updateMany({
      where: { id, version, publication: "DRAFT" },
      data: { ...recommendationData(row), version: { increment: 1 } },
    });
    if (count === 0) throw await staleVersionError(tx, "Recommendation", id);
    idOf.set(row, id);
  }
  const changedIds = changed.map((row) => idOf.get(row)!);
  await tx.recommendationTheme.deleteMany({ where: { recommendationId: { in: changedIds } } });
  await tx.recommendationAddressee.deleteMany({ where: { recommendationId: { in: changedIds } } });
  const written = [...fresh, ...changed];
  for (let start = 0; start < written.length; start += BATCH) {
    const batch = written.slice(start, start + BATCH);
    const themeLinks = batch.flatMap((row) => row.values.themeKeys.map((key): [string, string] => [idOf.get(row)!, themeIds.get(key)!]));
    const addresseeLinks = batch.flatMap((row) => row.values.addresseeIds.map((stateId): [string, string] => [idOf.get(row)!, stateId]));
    if (themeLinks.length) await tx.$executeRaw(insertLinksSql("theme", themeLinks));
    if (addresseeLinks.length) await tx.$executeRaw(insertLinksSql("addressee", addresseeLinks));
  }

  const after = await snapshots(tx, written.map((row) => idOf.get(row)!));
  await recordAuditMany(tx, actor, [
    ...fresh.map((row) => ({ action: "recommendation.created", entityType: "Recommendation", entityId: idOf.get(row)!, after: after.get(idOf.get(row)!) })),
    ...changed.map((row) => {
      const id = idOf.get(row)!;
      return { action: "recommendation.updated", entityType: "Recommendation", entityId: id, before: before.get(id), after: after.get(id) };
    }),
  ]);

  const bySource = new Map<string, ImportResult["sources"][number]>();
  for (const row of written) {
    const id = sourceIdOf(row);
    const entry = bySource.get(id) ?? { id, title: row.source.title, created: 0, changed: 0 };
    if (row.outcome === "new") entry.created += 1;
    else entry.changed += 1;
    bySource.set(id, entry);
  }
  const result: ImportResult = {
    created: fresh.length,
    changed: changed.length,
    unchanged: planned.rows.filter((row) => row.outcome === "unchanged").length,
    sources: [...bySource.values()],
    themesCreated: createdThemes.map((theme) => theme.label),
  };
  await recordAudit(tx, actor, {
    action: "recommendations.imported",
    entityType: "RecommendationFile",
    entityId: checksum,
    after: { file: file.name, checksum, format: planned.format, rows: planned.rows.length, ...result },
  });
  return result;
}

/**
 * Imports a file, all or nothing, if it is the file that was checked (`checkedChecksum`) and has
 * no problems; otherwise writes nothing and answers with the file's check as it is now.
 */
export async function importRecommendationFile(actor: Actor, file: UploadedFile, checkedChecksum: string, locale: Locale = DEFAULT_LOCALE): Promise<ImportOutcome> {
  assertSecretariat(actor);
  const checksum = checksumOf(file.bytes);
  if (checksum !== checkedChecksum) return { kind: "fileChanged", preview: await presentPlan(file, await plan(db, file), locale) };
  const outcome = await db.$transaction(
    async (tx) => {
      const planned = await plan(tx, file);
      if ("refused" in planned || planned.plan.problems.length > 0) return { planned };
      return { planned, result: await writePlan(tx, actor, planned.plan, file, checksum) };
    },
    { timeout: IMPORT_TRANSACTION_MS },
  );
  const preview = await presentPlan(file, outcome.planned, locale);
  return outcome.result ? { kind: "imported", preview, result: outcome.result } : { kind: "refused", preview };
}
