import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { computeFigures, FIGURE_SQL, figuresFromRow, type FigureRow } from "@/server/services/compliance-figures";
import { callerAs } from "@/server/test/factories";
import { world, levelOf } from "@/server/test/worlds/reports";

describe("compliance reports (aggregated in PostgreSQL)", () => {
  it("the matrix has each State's accepted status per recommendation, and its figures equal the reference definitions", async () => {
    const { first, second } = await world();
    const visitor = await callerAs("public");
    const matrix = await visitor.reports.matrix({ sourceId: first.source.id });
    expect(matrix.states.map((state) => state.iso2)).toEqual(["AT", "DE", "IT"]);
    expect(matrix.recommendations.map((recommendation) => recommendation.id).sort()).toEqual([first.recommendation.id, second.id].sort());
    const column = matrix.recommendations.findIndex((recommendation) => recommendation.id === first.recommendation.id);
    const keyAt = (iso2: string, col: number) => {
      const row = matrix.grid[matrix.states.findIndex((state) => state.iso2 === iso2)]!;
      return { key: matrix.statuses[row.status[col]!]!.key, progress: row.progress[col] };
    };
    expect(keyAt("AT", column)).toEqual({ key: "implemented", progress: 100 });
    expect(keyAt("IT", column)).toEqual({ key: "in_progress", progress: 40 });
    expect(keyAt("DE", column)).toEqual({ key: "not_started", progress: 0 });
    // The submitted-but-unreviewed update changes nothing.
    expect(keyAt("AT", 1 - column)).toEqual({ key: "not_started", progress: 0 });

    for (const [index, state] of matrix.states.entries()) {
      const row = matrix.grid[index]!;
      const cells = row.status.flatMap((status, column) => {
        if (status < 0) return [];
        const key = matrix.statuses[status]!.key;
        return [{ progress: row.progress[column]!, countsTowardsAverage: key !== "not_applicable", odihrLevel: levelOf[key]! }];
      });
      expect(state.figures).toEqual(computeFigures(cells));
    }
    expect(matrix.totals.commitments).toBe(6);
    expect(matrix.totals.implemented).toBe(1);
    expect(matrix.totals.meanProgress).toBeCloseTo(140 / 6);

    const byScore = await visitor.reports.matrix({ sourceId: first.source.id, sort: "score" });
    expect(byScore.states.map((state) => state.iso2)).toEqual(["AT", "IT", "DE"]);
  });

  it("the matrix figures computed from its cells equal the same figures aggregated by PostgreSQL (FIGURE_SQL)", async () => {
    const { first } = await world();
    const matrix = await (await callerAs("public")).reports.matrix({ sourceId: first.source.id });
    const byState = await db.$queryRaw<(FigureRow & { state_id: string })[]>`
      SELECT c."stateId" AS state_id, ${FIGURE_SQL}
      FROM (
        SELECT c."stateId", c."acceptedProgress" AS progress, st."countsTowardsAverage" AS counts, st."odihrLevel"::text AS odihr
        FROM "Commitment" c JOIN "Recommendation" r ON r.id = c."recommendationId" JOIN "ScaleStatus" st ON st.id = c."acceptedStatusId"
        JOIN "State" s ON s.id = c."stateId"
        WHERE r."sourceId" = ${first.source.id}::uuid AND r.publication = 'PUBLISHED' AND s.kind = 'PARTICIPATING'
      ) c GROUP BY c."stateId"`;
    expect(byState).toHaveLength(matrix.states.length);
    for (const row of byState) {
      const state = matrix.states.find((candidate) => candidate.id === row.state_id)!;
      const sql = figuresFromRow(row);
      expect({ ...state.figures, meanProgress: null }).toEqual({ ...sql, meanProgress: null });
      expect(state.figures.meanProgress).toBeCloseTo(sql.meanProgress!, 9);
    }
  });

  it("sends the cells of a window of recommendation columns, with figures over all of them", async () => {
    const { first, second } = await world();
    const visitor = await callerAs("public");
    const whole = await visitor.reports.matrix({ sourceId: first.source.id });
    const window = await visitor.reports.matrix({ sourceId: first.source.id, columnOffset: 1, columnLimit: 1 });
    expect(window.columns).toEqual({ offset: 1, count: 1, total: 2 });
    expect(window.recommendations.map((recommendation) => recommendation.id)).toEqual([whole.recommendations[1]!.id]);
    expect(window.allRecommendations?.map((recommendation) => recommendation.id).sort()).toEqual([first.recommendation.id, second.id].sort());
    expect(window.states).toEqual(whole.states);
    expect(window.totals).toEqual(whole.totals);
    expect(window.grid.map((row) => row.status.map((status) => window.statuses[status]?.key))).toEqual(
      whole.grid.map((row) => [whole.statuses[row.status[1]!]?.key]),
    );
    const figuresOnly = await visitor.reports.matrix({ sourceId: first.source.id, columnLimit: 0 });
    expect(figuresOnly.grid.every((row) => row.status.length === 0)).toBe(true);
    expect(figuresOnly.states).toEqual(whole.states);
    const past = await visitor.reports.matrix({ sourceId: first.source.id, columnOffset: 5, columnLimit: 200 });
    expect(past.columns).toEqual({ offset: 2, count: 0, total: 2 });
  });

  it("reads 'as of' a date from the history, not from today's values", async () => {
    const { first } = await world();
    const visitor = await callerAs("public");
    await db.commitmentStatusChange.updateMany({ where: { commitmentId: { in: Object.values(first.commitments).map((c) => c.id) }, updateId: null }, data: { effectiveAt: new Date("2019-01-01T00:00:00Z") } });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await visitor.reports.matrix({ sourceId: first.source.id, asOf: yesterday });
    const row = past.states.find((state) => state.iso2 === "AT")!;
    const column = past.recommendations.findIndex((recommendation) => recommendation.id === first.recommendation.id);
    const cells = past.grid[past.states.indexOf(row)]!;
    expect(past.statuses[cells.status[column]!]!.key).toBe("not_started");
    const before = await visitor.reports.matrix({ sourceId: first.source.id, asOf: "2018-12-31" });
    expect(before.recommendations.map((recommendation) => recommendation.id)).not.toContain(first.recommendation.id);
  });

  it("the recommendation report shows the distribution, each State's public note and public evidence only, and no names", async () => {
    const { first, at } = await world();
    const visitor = await callerAs("public");
    const report = await visitor.reports.recommendation({ recommendationId: first.recommendation.id });
    expect(Object.fromEntries(report.distribution.map((entry) => [entry.key, entry.count]))).toMatchObject({ implemented: 1, in_progress: 1, not_started: 1 });
    const austria = report.states.find((state) => state.iso2 === "AT")!;
    expect(austria.note).toBe("The law was adopted.");
    expect(austria.evidence).toEqual([{ title: "Public law", url: "https://law.example/public" }]);
    expect(report.figures.byOdihr).toMatchObject({ FULLY: 1, PARTIALLY: 1, NOT_IMPLEMENTED: 1 });
    const text = JSON.stringify(report);
    expect(text).not.toContain("Internal memo");
    expect(text).not.toContain(at.user.name);
    expect(text).not.toContain(at.user.email);
  });

  it("never shows draft recommendations, unreviewed claims, internal evidence or internal assessments to the public", async () => {
    const { first, second, secondCommitments } = await world();
    const visitor = await callerAs("public");
    const matrix = JSON.stringify(await visitor.reports.matrix({ sourceId: first.source.id }));
    expect(matrix).not.toContain("Secret draft text");
    expect(matrix).not.toContain("DRAFT-");
    const austria = await db.state.findUniqueOrThrow({ where: { iso2: "AT" } });
    const italy = await db.state.findUniqueOrThrow({ where: { iso2: "IT" } });
    const card = await visitor.reports.state({ stateId: austria.id, sourceId: first.source.id });
    const secondRow = card.commitments.find((commitment) => commitment.recommendationId === second.id)!;
    expect(secondRow.status.key).toBe("not_started");
    expect(JSON.stringify(card)).not.toContain("Pending, unreviewed claim");
    const italyPublic = await visitor.reports.state({ stateId: italy.id, sourceId: first.source.id });
    expect(JSON.stringify(italyPublic)).not.toContain("Internal: only planned so far");
    expect(italyPublic.disagreements).toEqual([]);
    expect(secondCommitments.AT).toBeTruthy();
  });

  it("the State report card scores the State and shows where the secretariat's assessment disagrees (to the secretariat)", async () => {
    const { first, analyst } = await world();
    const italy = await db.state.findUniqueOrThrow({ where: { iso2: "IT" } });
    const card = await analyst.caller.reports.state({ stateId: italy.id, sourceId: first.source.id });
    expect(card.figures.meanProgress).toBe(20); // 40 and 0
    expect(card.disagreements).toHaveLength(1);
    expect(card.disagreements[0]).toMatchObject({ status: { key: "in_progress" }, assessment: { key: "planned", isPublic: false } });
  });

  it("the trend counts statuses at the end of each period from the history", async () => {
    const { first } = await world();
    const ids = Object.values(first.commitments).map((commitment) => commitment.id);
    await db.commitmentStatusChange.updateMany({ where: { commitmentId: { in: ids }, updateId: null }, data: { effectiveAt: new Date("2024-01-10T00:00:00Z") } });
    const atChange = await db.commitmentStatusChange.findFirstOrThrow({ where: { commitmentId: first.commitments.AT!.id, updateId: { not: null } } });
    await db.commitmentStatusChange.update({ where: { id: atChange.id }, data: { effectiveAt: new Date("2024-05-05T00:00:00Z") } });
    const visitor = await callerAs("public");
    const trend = await visitor.reports.trend({ sourceId: first.source.id, granularity: "quarter", periods: 4, asOf: "2024-12-31" });
    expect(trend.points.map((point) => point.label)).toEqual(["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"]);
    // Like every date in a report, the period ends are ISO strings.
    expect(trend.points.map((point) => point.periodEnd)).toEqual(["2024-03-31T23:59:59.999Z", "2024-06-30T23:59:59.999Z", "2024-09-30T23:59:59.999Z", "2024-12-31T23:59:59.999Z"]);
    const forRecommendation = trend.points.map((point) => point.byStatus);
    expect(forRecommendation[0]).toMatchObject({ not_started: 3 });
    expect(forRecommendation[1]).toMatchObject({ implemented: 1, not_started: 2 });
  });
});
