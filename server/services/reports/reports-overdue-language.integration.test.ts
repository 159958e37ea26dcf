import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { Locale } from "@/server/shared/locales";
import { callerAs, createPublishedCommitments, uniqueSuffix, visitorContext } from "@/server/test/factories";
import { world } from "@/server/test/worlds/reports";

describe("compliance reports: overdue commitments and the reader's language", () => {
  it("lists overdue commitments grouped by State", async () => {
    const { first, second } = await world();
    const visitor = await callerAs("public");
    const overdue = await visitor.reports.overdue({ sourceId: first.source.id });
    expect(overdue.states.map((state) => state.iso2).sort()).toEqual(["AT", "DE", "IT"]);
    for (const state of overdue.states) {
      expect(state.commitments.map((commitment) => commitment.reference)).toEqual([second.reference]);
      expect(state.total).toBe(1);
      expect(state.commitments[0]!.dueDate).toBe("2020-01-31");
    }
    expect(overdue.total).toBe(3);
  });

  it("lists each State's earliest overdue commitments up to perState, and counts all of them", async () => {
    const world = await createPublishedCommitments(["AT", "IT"], { dueDate: new Date("2021-03-31T00:00:00Z") });
    const dues = ["2019-05-31", "2020-11-30", "2018-01-31"];
    for (const [index, due] of dues.entries()) {
      const recommendation = await db.recommendation.create({
        data: { sourceId: world.source.id, reference: `OV-${index}-${uniqueSuffix()}`, text: `Overdue ${index}`, scaleId: world.scale.id, publication: "PUBLISHED", publishedAt: new Date(), dueDate: new Date(`${due}T00:00:00Z`) },
      });
      const state = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
      await db.commitment.create({
        data: {
          recommendationId: recommendation.id,
          stateId: state.id,
          acceptedStatusId: world.statuses.not_started!.id,
          acceptedProgress: 0,
          dueDate: recommendation.dueDate,
          statusChanges: { create: { statusId: world.statuses.not_started!.id, progress: 0, effectiveAt: new Date() } },
        },
      });
    }
    const visitor = await callerAs("public");
    const all = await visitor.reports.overdue({ sourceId: world.source.id });
    const capped = await visitor.reports.overdue({ sourceId: world.source.id, perState: 2 });
    const at = (report: typeof all) => report.states.find((state) => state.iso2 === "AT")!;
    expect(at(all).total).toBe(4);
    expect(at(all).commitments.map((commitment) => commitment.dueDate)).toEqual(["2018-01-31", "2019-05-31", "2020-11-30", "2021-03-31"]);
    expect(at(capped).total).toBe(4);
    expect(at(capped).commitments.map((commitment) => commitment.dueDate)).toEqual(["2018-01-31", "2019-05-31"]);
    expect(capped.total).toBe(all.total);
    expect(all.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect((await visitor.reports.overdue({ sourceId: world.source.id, asOf: "2020-01-01" })).asOf).toBe("2020-01-01");
    expect(capped.states.find((state) => state.iso2 === "IT")!.commitments).toHaveLength(1);
    await expect(visitor.reports.overdue({ sourceId: world.source.id, perState: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answer in the reader's language: the translated text or the original marked as such, the source's title, States in the order of their names", async () => {
    const world = await createPublishedCommitments(["AT", "IT", "DE", "FR"], { dueDate: new Date("2020-01-31T00:00:00Z") });
    await db.recommendationTranslation.create({ data: { recommendationId: world.recommendation.id, locale: "de", text: "Kinder vor Menschenhandel schützen" } });
    await db.sourceTranslation.create({ data: { sourceId: world.source.id, locale: "de", title: "Testquelle auf Deutsch" } });
    const { createCaller } = await import("@/server/api/root");
    const readerIn = (locale: Locale) => createCaller({ ...visitorContext(), locale });
    const german = readerIn("de");
    const russian = readerIn("ru");
    const filters = { sourceId: world.source.id };
    const translated = { text: "Kinder vor Menschenhandel schützen", textLang: "de", isFallback: false };
    const original = { text: world.recommendation.text, textLang: "en", isFallback: true };

    // English: Austria, France, Germany, Italy. German: Deutschland, Frankreich, Italien, Österreich.
    // Russian: Австрия, Германия, Италия, Франция.
    const english = await readerIn("en").reports.matrix(filters);
    expect(english.states.map((state) => state.iso2)).toEqual(["AT", "FR", "DE", "IT"]);
    expect(english.recommendations[0]).toMatchObject({ text: world.recommendation.text, textLang: "en", isFallback: false });
    const matrix = await german.reports.matrix(filters);
    expect(matrix.states.map((state) => state.iso2)).toEqual(["DE", "FR", "IT", "AT"]);
    expect(matrix.recommendations[0]).toMatchObject(translated);
    const matrixRu = await russian.reports.matrix(filters);
    expect(matrixRu.states.map((state) => state.iso2)).toEqual(["AT", "DE", "IT", "FR"]);
    expect(matrixRu.recommendations[0]).toMatchObject(original);

    const recommendation = await german.reports.recommendation({ ...filters, recommendationId: world.recommendation.id });
    expect(recommendation.recommendation).toMatchObject({ ...translated, source: { id: world.source.id, title: "Testquelle auf Deutsch", titleLang: "de", isFallback: false } });
    expect(recommendation.states.map((state) => state.iso2)).toEqual(["DE", "FR", "IT", "AT"]);
    const recommendationRu = await russian.reports.recommendation({ ...filters, recommendationId: world.recommendation.id });
    expect(recommendationRu.recommendation).toMatchObject({ ...original, source: { title: world.source.title, titleLang: "en", isFallback: true } });

    const austria = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
    const state = await german.reports.state({ ...filters, stateId: austria.id });
    expect(state.commitments[0]).toMatchObject({ ...translated, source: { title: "Testquelle auf Deutsch", titleLang: "de" } });

    const overdue = await german.reports.overdue(filters);
    expect(overdue.states.map((group) => group.iso2)).toEqual(["DE", "FR", "IT", "AT"]);
    expect(overdue.states[0]!.commitments[0]).toMatchObject(translated);
    expect((await russian.reports.overdue(filters)).states.map((group) => group.iso2)).toEqual(["AT", "DE", "IT", "FR"]);
  });
});
