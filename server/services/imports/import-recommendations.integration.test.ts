import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { OWN_COLUMNS, UPR_COLUMNS, ordinal } from "@/server/schemas/recommendation-file";
import { checkRecommendationFile, checksumOf, importRecommendationFile } from "@/server/services/imports/import-recommendations";
import { recommendationsCsv, recommendationsXlsx } from "@/server/services/imports/export-recommendations";
import { actorFor, createTestUser, uniqueSuffix } from "@/server/test/factories";
import type { UserActor } from "@/server/services/access";

let analyst: UserActor;
let focal: UserActor;

beforeAll(async () => {
  analyst = await actorFor((await createTestUser({ role: "ANALYST" })).id);
  focal = await actorFor((await createTestUser({ role: "FOCAL_POINT", stateIso2: "IT" })).id);
});

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;
function csv(columns: readonly string[], rows: Record<string, string>[]) {
  return new TextEncoder().encode([columns.join(","), ...rows.map((row) => columns.map((column) => csvCell(row[column] ?? "")).join(","))].join("\r\n"));
}

/** A UPR session number no other test uses, so each test's sources are its own (each run has a fresh database). */
let lastSession = 500;
const sessionNumber = () => ++lastSession;

function uprFile(session: number, rows: Partial<Record<(typeof UPR_COLUMNS)[number], string>>[]) {
  return csv(
    UPR_COLUMNS,
    rows.map((row) => ({
      session: `UPR Working Group session ${session} (Jan 2025), 4th cycle`,
      state_under_review: "Slovenia",
      position: "Supported",
      ...row,
    })),
  );
}

describe("importing recommendation files", () => {
  it("imports a UPR list as drafts under one source per session and State, once", async () => {
    const session = sessionNumber();
    const newTheme = `Theme ${uniqueSuffix()}`;
    const bytes = uprFile(session, [
      { ref: "140.1", text: "Strengthen the protection\nof victims of trafficking", themes: `protection; ${newTheme}`, recommending_states: "Austria; Brazil", sdgs: "5.2; 16.2", groups_of_persons: "women & girls" },
      { ref: "140.2", text: "Обеспечить защиту детей", position: "Noted", source_of_position: "A/HRC/59/1/Add.1", wg_report: "A/HRC/59/1", theme_heading: "Trafficking" },
      { ref: "140.3", text: "Ratify the convention", state_under_review: "Turkey" },
    ]);
    const file = { name: "upr.csv", bytes };

    const preview = await checkRecommendationFile(analyst, file);
    expect(preview.counts).toEqual({ new: 3, changed: 0, unchanged: 0, errors: 0 });
    expect(preview.problems).toEqual([]);
    expect(preview.newSources).toEqual([`UPR ${ordinal(session)} session: Slovenia`, `UPR ${ordinal(session)} session: Türkiye`]);
    expect(preview.newThemes).toEqual([newTheme]);
    expect(await db.theme.count({ where: { label: newTheme } })).toBe(0);

    const outcome = await importRecommendationFile(analyst, file, preview.checksum);
    expect(outcome.kind).toBe("imported");
    if (outcome.kind !== "imported") return;
    expect(outcome.result).toMatchObject({ created: 3, changed: 0, unchanged: 0, themesCreated: [newTheme] });
    expect(outcome.result.sources.map((source) => source.created)).toEqual([2, 1]);

    const slovenia = outcome.result.sources[0]!;
    const stored = await db.recommendation.findMany({
      where: { sourceId: slovenia.id },
      orderBy: { reference: "asc" },
      include: { addressees: { include: { state: true } }, themes: { include: { theme: true } } },
    });
    expect(stored.map((row) => [row.reference, row.publication, row.addressAllParticipating, row.addressees.map((item) => item.state.iso2)])).toEqual([
      ["140.1", "DRAFT", false, ["SI"]],
      ["140.2", "DRAFT", false, ["SI"]],
    ]);
    expect(stored[0]).toMatchObject({ text: "Strengthen the protection\nof victims of trafficking", uprRecommendingStates: ["Austria", "Brazil"], uprSdgs: ["5.2", "16.2"], uprPosition: "SUPPORTED" });
    expect(stored[0]!.themes.map((link) => link.theme.label).sort()).toEqual([newTheme, "Protection"].sort());
    expect(stored[1]).toMatchObject({ text: "Обеспечить защиту детей", uprPosition: "NOTED", uprSourceOfPosition: "A/HRC/59/1/Add.1", uprWgReport: "A/HRC/59/1" });

    const importEvents = await db.auditEvent.findMany({ where: { action: "recommendations.imported", entityId: preview.checksum } });
    expect(importEvents).toHaveLength(1);
    expect(importEvents[0]!.after).toMatchObject({ file: "upr.csv", checksum: checksumOf(bytes), created: 3, changed: 0 });
    expect(await db.auditEvent.count({ where: { action: "recommendation.created", entityId: { in: stored.map((row) => row.id) } } })).toBe(2);

    // The same file again: nothing new, nothing changed.
    const again = await checkRecommendationFile(analyst, file);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, errors: 0 });
    const second = await importRecommendationFile(analyst, file, again.checksum);
    expect(second).toMatchObject({ kind: "imported", result: { created: 0, changed: 0, unchanged: 3 } });
    expect(await db.source.count({ where: { title: slovenia.title } })).toBe(1);
    expect(await db.recommendation.count({ where: { sourceId: slovenia.id } })).toBe(2);
  });

  it("shows every row's problem and writes nothing while the file has any", async () => {
    const session = sessionNumber();
    const file = {
      name: "broken.csv",
      bytes: uprFile(session, [
        { ref: "1.1", text: "Fine row" },
        { ref: "1.2", text: "" },
        { ref: "1.1", text: "Same reference" },
        { ref: "1.4", text: "Unknown State", state_under_review: "Atlantis" },
        { ref: "1.5", text: "Bad position", position: "Accepted" },
      ]),
    };
    const preview = await checkRecommendationFile(analyst, file);
    expect(preview.problems).toEqual([
      "Row 3: text: required, but empty",
      "Row 4: ref: the reference 1.1 is already used in row 2",
      "Row 5: state_under_review: “Atlantis” is not a participating State or Partner for Co-operation",
      "Row 6: position: “Accepted” is not a position: write Supported or Noted",
    ]);
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, errors: 4 });

    const outcome = await importRecommendationFile(analyst, file, preview.checksum);
    expect(outcome.kind).toBe("refused");
    expect(await db.source.count({ where: { title: { startsWith: `UPR ${session}` } } })).toBe(0);
  });

  it("checks a file again when it changed since it was checked, and refuses a file it cannot read", async () => {
    const session = sessionNumber();
    const first = { name: "upr.csv", bytes: uprFile(session, [{ ref: "2.1", text: "One" }]) };
    const preview = await checkRecommendationFile(analyst, first);
    const changed = { name: "upr.csv", bytes: uprFile(session, [{ ref: "2.1", text: "One" }, { ref: "2.2", text: "Two" }]) };
    const outcome = await importRecommendationFile(analyst, changed, preview.checksum);
    expect(outcome).toMatchObject({ kind: "fileChanged", preview: { counts: { new: 2, errors: 0 } } });
    expect(await db.source.count({ where: { title: { startsWith: `UPR ${session}` } } })).toBe(0);

    const garbage = await checkRecommendationFile(analyst, { name: "notes.csv", bytes: new TextEncoder().encode("name,notes\nx,y\n") });
    expect(garbage.problems).toEqual([
      "The header row matches no known format: its cells must be the columns of the recommendations export or of a UPR recommendation list.",
    ]);
  });

  it("updates drafts from the own format, leaves published recommendations alone, and answers in the reader's language", async () => {
    const source = await db.source.create({ data: { title: `Own ${uniqueSuffix()}`, kind: "CONFERENCE", date: new Date("2025-01-01") } });
    const scale = await db.statusScale.findFirstOrThrow({ where: { isDefault: true } });
    await db.recommendation.create({ data: { sourceId: source.id, reference: "D-1", text: "Draft text", scaleId: scale.id } });
    await db.recommendation.create({ data: { sourceId: source.id, reference: "P-1", text: "Published text", scaleId: scale.id, publication: "PUBLISHED" } });
    const row = (reference: string, text: string) => ({ source_id: source.id, source: source.title, reference, text, addressees: "all; Republic of Moldova", due_date: "2027-12-31" });

    const file = { name: "own.csv", bytes: csv(OWN_COLUMNS, [row("D-1", "New draft text"), row("N-1", "New one")]) };
    const preview = await checkRecommendationFile(analyst, file);
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 0, errors: 0 });
    expect(preview.rows.find((item) => item.reference === "D-1")?.changedColumns).toEqual(["text", "addressees", "due_date"]);
    const outcome = await importRecommendationFile(analyst, file, preview.checksum);
    expect(outcome).toMatchObject({ kind: "imported", result: { created: 1, changed: 1 } });
    const draft = await db.recommendation.findFirstOrThrow({ where: { sourceId: source.id, reference: "D-1" }, include: { addressees: { include: { state: true } } } });
    expect(draft).toMatchObject({ text: "New draft text", version: 2, addressAllParticipating: true });
    expect(draft.addressees.map((item) => item.state.iso2)).toEqual(["MD"]);
    expect(await db.auditEvent.count({ where: { action: "recommendation.updated", entityId: draft.id } })).toBe(1);

    const published = await checkRecommendationFile(analyst, { name: "own.csv", bytes: csv(OWN_COLUMNS, [row("P-1", "Changed")]) }, "fr");
    expect(published.problems).toEqual(["Ligne 2 : text : P-1 est publiée : une importation ne peut pas la modifier"]);
  });

  it("is for the secretariat only", async () => {
    await expect(checkRecommendationFile(focal, { name: "x.csv", bytes: uprFile(1, [{ ref: "1", text: "x" }]) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reads its own export back as unchanged, CSV and Excel alike", async () => {
    const session = sessionNumber();
    const upr = uprFile(session, [
      { ref: "3.1", text: "=Line one\nline two, \"quoted\"", themes: "children; prevention", recommending_states: "Chile; Japan", sdgs: "16.2" },
      { ref: "3.2", text: "Второй текст", position: "Noted" },
    ]);
    const imported = await importRecommendationFile(analyst, { name: "upr.csv", bytes: upr }, checksumOf(upr));
    if (imported.kind !== "imported") throw new Error(imported.kind);
    const sourceId = imported.result.sources[0]!.id;
    const first = await db.recommendation.findFirstOrThrow({ where: { sourceId, reference: "3.1" } });
    await db.recommendation.update({ where: { id: first.id }, data: { dueDate: new Date("2028-03-31"), publication: "PUBLISHED" } });

    const csvBytes = new TextEncoder().encode(await recommendationsCsv(analyst, { sourceId }));
    expect((await checkRecommendationFile(analyst, { name: "export.csv", bytes: csvBytes })).counts).toEqual({ new: 0, changed: 0, unchanged: 2, errors: 0 });
    const xlsxBytes = await recommendationsXlsx(analyst, { sourceId });
    expect((await checkRecommendationFile(analyst, { name: "export.xlsx", bytes: xlsxBytes })).counts).toEqual({ new: 0, changed: 0, unchanged: 2, errors: 0 });

    const edited = new TextEncoder().encode(new TextDecoder().decode(csvBytes).replace("Второй текст", "Второй текст (исправленный)"));
    const preview = await checkRecommendationFile(analyst, { name: "export.csv", bytes: edited });
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: 1, errors: 0 });
  });
});
