import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { actorFor, callerFor, stateByIso2, uniqueSuffix } from "@/server/test/factories";
import type { Locale } from "@/server/shared/locales";

// Translations of content: a recommendation's text and a source's title and description, saved by
// the secretariat (version-checked, audited), read in the reader's language with a marked fallback
// to the original, and found by a search in any language.

type Analyst = Awaited<ReturnType<typeof callerFor>>;
let analyst: Analyst;
let sourceId: string;

/** The analyst's caller reading in `locale` (as the context negotiates it for a request). */
async function readingIn(locale: Locale) {
  const { createCaller } = await import("@/server/api/root");
  const actor = await actorFor(analyst.user.id);
  return createCaller({ actor, requestId: actor.requestId, locale });
}

beforeAll(async () => {
  analyst = await callerFor("ANALYST");
  const source = await analyst.caller.sources.create({ title: `Translations source ${uniqueSuffix()}`, kind: "CONFERENCE", date: "2025-05-05" });
  sourceId = source.id;
});

async function createDraft(text = "Ensure victims receive legal aid.") {
  return analyst.caller.recommendations.create({ sourceId, reference: `TR-${uniqueSuffix()}`, text, addressAllParticipating: true });
}

describe("saving a recommendation's translations", () => {
  it("saves them version-checked and audited, before and after", async () => {
    const draft = await createDraft();
    const saved = await analyst.caller.recommendations.saveTranslations({
      id: draft.id,
      expectedVersion: draft.version,
      translations: [
        { locale: "fr", text: "Veiller à ce que les victimes bénéficient d'une aide juridique." },
        { locale: "de", text: "   " },
      ],
    });
    expect(saved.version).toBe(draft.version + 1);
    expect(saved.translations).toEqual([{ locale: "fr", text: "Veiller à ce que les victimes bénéficient d'une aide juridique." }]);
    expect(saved.originalText).toBe("Ensure victims receive legal aid.");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: draft.id, action: "recommendation.translated" } });
    expect(audit.actorId).toBe(analyst.user.id);
    expect(JSON.stringify(audit.before)).not.toContain("Veiller");
    expect(JSON.stringify(audit.after)).toContain("Veiller");

    // A stale version is refused and changes nothing.
    await expect(
      analyst.caller.recommendations.saveTranslations({ id: draft.id, expectedVersion: draft.version, translations: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.recommendationTranslation.count({ where: { recommendationId: draft.id } })).toBe(1);
  });

  it("refuses invalid input and writes nothing", async () => {
    const draft = await createDraft();
    const attempts = [
      [{ locale: "fr", text: "Un" }, { locale: "fr", text: "Deux" }],
      [{ locale: "xx", text: "Unknown language" }],
      [{ locale: "fr", text: "x".repeat(20_001) }],
      [{ locale: "en", text: "A translation into the original language" }],
    ];
    for (const translations of attempts) {
      await expect(
        // @ts-expect-error: invalid on purpose
        analyst.caller.recommendations.saveTranslations({ id: draft.id, expectedVersion: draft.version, translations }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
    expect(row.version).toBe(draft.version);
    expect(await db.recommendationTranslation.count({ where: { recommendationId: draft.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "recommendation.translated" } })).toBe(0);
  });

  it("keeps translations with the draft form's save and removes them with the recommendation", async () => {
    const draft = await createDraft();
    const updated = await analyst.caller.recommendations.update({
      id: draft.id,
      expectedVersion: draft.version,
      translations: [{ locale: "it", text: "Garantire l'assistenza legale alle vittime." }],
    });
    expect(updated.translations.map((item) => item.locale)).toEqual(["it"]);
    await analyst.caller.recommendations.delete({ id: draft.id, expectedVersion: updated.version });
    expect(await db.recommendationTranslation.count({ where: { recommendationId: draft.id } })).toBe(0);
  });
});

describe("reading in the reader's language", () => {
  it("shows the translation in its language, or the original flagged as a fallback", async () => {
    const draft = await createDraft("Fund shelters for victims.");
    await analyst.caller.recommendations.saveTranslations({
      id: draft.id,
      expectedVersion: draft.version,
      translations: [{ locale: "fr", text: "Financer des foyers pour les victimes." }],
    });
    const french = await (await readingIn("fr")).recommendations.get({ id: draft.id });
    expect(french).toMatchObject({ text: "Financer des foyers pour les victimes.", textLang: "fr", isFallback: false, language: "en" });

    const german = await (await readingIn("de")).recommendations.get({ id: draft.id });
    expect(german).toMatchObject({ text: "Fund shelters for victims.", textLang: "en", isFallback: true });

    const english = await (await readingIn("en")).recommendations.list({ sourceId });
    expect(english.items.find((item) => item.id === draft.id)).toMatchObject({ text: "Fund shelters for victims.", textLang: "en", isFallback: false });
  });

  it("shows a source's title and description in the reader's language", async () => {
    const created = await analyst.caller.sources.create({
      title: `Conference on labour exploitation ${uniqueSuffix()}`,
      kind: "CONFERENCE",
      date: "2025-06-01",
      description: "Held in Vienna.",
      translations: [{ locale: "es", title: "Conferencia sobre la explotación laboral", description: null }],
    });
    const spanish = await (await readingIn("es")).sources.get({ id: created.id });
    expect(spanish).toMatchObject({
      title: "Conferencia sobre la explotación laboral",
      titleLang: "es",
      isFallback: false,
      description: "Held in Vienna.",
      descriptionLang: "en",
    });
    const italian = await (await readingIn("it")).sources.get({ id: created.id });
    expect(italian).toMatchObject({ title: created.originalTitle, titleLang: "en", isFallback: true });

    await expect(
      analyst.caller.sources.update({ id: created.id, expectedVersion: created.version + 5, translations: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.sourceTranslation.count({ where: { sourceId: created.id } })).toBe(1);
  });
});

describe("search in every language", () => {
  it("finds a recommendation by a word only in its Russian translation, in the list and in the commitments", async () => {
    const draft = await createDraft("Protect unaccompanied children.");
    const word = `несопровождаемых${uniqueSuffix()}`;
    const saved = await analyst.caller.recommendations.saveTranslations({
      id: draft.id,
      expectedVersion: draft.version,
      translations: [{ locale: "ru", text: `Защищать ${word} детей.` }],
    });
    const found = await analyst.caller.recommendations.list({ search: word.toUpperCase() });
    expect(found.items.map((item) => item.id)).toEqual([draft.id]);
    // Literal: a LIKE wildcard in the search matches only itself.
    expect((await analyst.caller.recommendations.list({ search: "Защищать%детей" })).items).toEqual([]);

    await analyst.caller.recommendations.publish({ recommendationId: draft.id, expectedVersion: saved.version });
    const commitments = await analyst.caller.commitments.list({ search: word });
    expect(commitments.items.length).toBeGreaterThan(0);
    expect(commitments.items.every((item) => item.recommendation.id === draft.id)).toBe(true);

    // The commitments show the text in the reader's language too, or the marked original.
    const inRussian = await (await readingIn("ru")).commitments.list({ search: word });
    expect(inRussian.items[0]?.recommendation).toMatchObject({ text: `Защищать ${word} детей.`, textLang: "ru", isFallback: false });
    const inSpanish = await (await readingIn("es")).commitments.get({ id: inRussian.items[0]!.id });
    expect(inSpanish.recommendation).toMatchObject({ text: "Protect unaccompanied children.", textLang: "en", isFallback: true });
    expect(inSpanish.recommendation.source).toMatchObject({ titleLang: "en", isFallback: true });

    // And so does the review queue, once Austria's focal point submits an update.
    const austria = inRussian.items.find((item) => item.state.iso2 === "AT") ?? (await analyst.caller.commitments.list({ search: word, stateId: (await stateByIso2("AT")).id })).items[0]!;
    const status = await db.scaleStatus.findFirstOrThrow({ where: { scale: { isDefault: true }, key: "in_progress" } });
    const focal = await callerFor("FOCAL_POINT", "AT");
    await focal.caller.commitments.saveAndSubmit({ commitmentId: austria.id, content: { statusId: status.id, progress: 40, narrative: "Законопроект внесён.", evidence: [] } });
    const queue = await (await readingIn("ru")).review.queue({ stateId: austria.state.id, limit: 100 });
    const queued = queue.items.find((item) => item.commitment.id === austria.id);
    expect(queued?.commitment.recommendation).toMatchObject({ text: `Защищать ${word} детей.`, textLang: "ru", isFallback: false });
  });
});
