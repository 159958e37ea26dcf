import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { changedFields } from "@/server/services/audit-history";
import { auditLogExport } from "@/server/services/audit-export";
import { callerFor, createPublishedCommitments, createTestUser, uniqueSuffix } from "@/server/test/factories";

describe("changedFields", () => {
  it("lists the fields that differ, with creations and deletions in full", () => {
    expect(changedFields({ title: "A", version: 1, tags: ["x"] }, { title: "B", version: 2, tags: ["x"] })).toEqual([
      { field: "title", before: "A", after: "B" },
      { field: "version", before: "1", after: "2" },
    ]);
    expect(changedFields(null, { title: "A", public: false })).toEqual([
      { field: "title", before: null, after: "A" },
      { field: "public", before: null, after: "false" },
    ]);
    expect(changedFields({ links: [{ url: "https://a.test" }] }, undefined)).toEqual([{ field: "links", before: '[{"url":"https://a.test"}]', after: null }]);
  });
});

describe("audit.history", () => {
  it("shows a source's changes newest first, paged, to the secretariat only", async () => {
    const { source } = await createPublishedCommitments(["AT"]);
    const analyst = await callerFor("ANALYST");
    let version = (await db.source.findUniqueOrThrow({ where: { id: source.id } })).version;
    for (const title of ["First title", "Second title", "Third title"]) {
      version = (await analyst.caller.sources.update({ id: source.id, expectedVersion: version, title: `${title} ${uniqueSuffix()}` })).version;
    }
    const first = await analyst.caller.audit.history({ entity: "source", id: source.id, limit: 2 });
    expect(first.subject.text).toMatch(/^Third title/);
    expect(first.items.map((event) => event.action)).toEqual(["source.updated", "source.updated"]);
    expect(first.items[0]!.actor.name).toBe(analyst.user.name);
    const title = first.items[0]!.changes.find((change) => change.field === "title");
    expect(title?.before).toMatch(/^Second title/);
    expect(title?.after).toMatch(/^Third title/);
    expect(first.nextCursor).not.toBeNull();
    const second = await analyst.caller.audit.history({ entity: "source", id: source.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((event) => event.changes.find((change) => change.field === "title")?.after)).toEqual([expect.stringMatching(/^First title/)]);
    expect(second.nextCursor).toBeNull();

    const focal = await callerFor("FOCAL_POINT", "AT");
    await expect(focal.caller.audit.history({ entity: "source", id: source.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(analyst.caller.audit.history({ entity: "source", id: "00000000-0000-7000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(analyst.caller.audit.history({ entity: "source", id: source.id, cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives a commitment's updates from submission on and its review, but not the State's drafts", async () => {
    const world = await createPublishedCommitments(["AT"]);
    const austria = await callerFor("FOCAL_POINT", "AT");
    const analyst = await callerFor("ANALYST");
    const commitmentId = world.commitments.AT!.id;
    const content = { statusId: world.statuses.planned!.id, progress: 10, narrative: "Planned.", evidence: [] };
    const draft = await austria.caller.commitments.saveDraft({ commitmentId, content });
    const submitted = await austria.caller.commitments.submitUpdate({ updateId: draft.id, expectedVersion: draft.version });
    await analyst.caller.review.return({ updateId: submitted.id, expectedVersion: submitted.version, comment: "Attach the law." });

    const history = await analyst.caller.audit.history({ entity: "commitment", id: commitmentId });
    expect(history.subject).toMatchObject({ text: world.recommendation.reference, state: { iso2: "AT" } });
    expect(history.items.map((event) => event.action)).toEqual(["update.returned", "update.submitted"]);
    // PostgreSQL keeps a snapshot's fields in its own order (jsonb).
    expect(history.items[0]!.changes.toSorted((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: "comment", before: null, after: "Attach the law." },
      { field: "reviewState", before: "SUBMITTED", after: "RETURNED" },
    ]);
  });

  it("keeps a user's history for administrators", async () => {
    const user = await createTestUser({ role: "ANALYST" });
    const admin = await callerFor("ADMIN");
    const analyst = await callerFor("ANALYST");
    await admin.caller.users.setActive({ id: user.id, active: false });
    const history = await admin.caller.audit.history({ entity: "user", id: user.id });
    expect(history.items.map((event) => [event.action, event.changes])).toEqual([["user.deactivated", [{ field: "active", before: "true", after: "false" }]]]);
    await expect(analyst.caller.audit.history({ entity: "user", id: user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("audit.log", () => {
  it("filters by person, kind of change and days, newest first, for administrators", async () => {
    const admin = await callerFor("ADMIN");
    const analyst = await callerFor("ANALYST");
    const action = `test.kind_${uniqueSuffix().toLowerCase().replace(/[^a-z0-9]/g, "")}`;
    const at = (day: string) => new Date(`${day}T12:00:00Z`);
    await db.auditEvent.createMany({
      data: [
        { action, entityType: "Test", entityId: "one", actorId: admin.user.id, createdAt: at("2020-01-01") },
        { action, entityType: "Test", entityId: "two", actorId: analyst.user.id, createdAt: at("2020-01-02") },
        { action, entityType: "Test", entityId: "three", actorId: admin.user.id, createdAt: at("2020-01-03"), after: { note: "x" } },
      ],
    });
    const ids = async (input: Parameters<typeof admin.caller.audit.log>[0]) => (await admin.caller.audit.log({ action, ...input })).items.map((event) => event.entityId);
    expect(await ids({})).toEqual(["three", "two", "one"]);
    expect(await ids({ actorId: admin.user.id })).toEqual(["three", "one"]);
    expect(await ids({ from: "2020-01-02", to: "2020-01-02" })).toEqual(["two"]);
    expect(await ids({ from: "2020-01-02" })).toEqual(["three", "two"]);
    const page = await admin.caller.audit.log({ action, limit: 2 });
    expect((await admin.caller.audit.log({ action, limit: 2, cursor: page.nextCursor! })).items.map((event) => event.entityId)).toEqual(["one"]);
    expect((await admin.caller.audit.logOptions()).actions).toContain(action);
    await expect(analyst.caller.audit.log({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the audit log's CSV export", () => {
  it("holds the filtered log with headings and kinds of change in the reader's language, for administrators only", async () => {
    const admin = await callerFor("ADMIN");
    const analyst = await callerFor("ANALYST");
    const user = await createTestUser({ role: "ANALYST" });
    await admin.caller.users.setActive({ id: user.id, active: false });
    const params = new URLSearchParams({ actorId: admin.user.id, action: "user.deactivated" });
    const file = await auditLogExport(admin.actor, params, "fr");
    expect(file.filename).toMatch(/^journal-d-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await new Response(file.body).text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Journal d'audit");
    expect(lines).toContain(`Personne : ${admin.user.name} (${admin.user.email})`);
    expect(lines).toContain("Heure (UTC),Personne,Adresse e-mail,Rôle,Type de modification,Élément,Identifiant de l'élément,Modifications");
    const rows = lines.filter((line) => line.includes(user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`,${admin.user.name},${admin.user.email},Administrateur,Utilisateur désactivé,Utilisateur,${user.id},Actif : true → false`);
    await expect(auditLogExport(analyst.actor, new URLSearchParams(), "en")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(auditLogExport(admin.actor, new URLSearchParams({ from: "yesterday" }), "en")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
