import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { verifyPassword } from "@/server/auth/password";
import { loadActor } from "@/server/auth/session";
import { callerAs, callerFor, createTestUser, signInClaims, stateByIso2, uniqueSuffix, userAudit, userRow } from "@/server/test/factories";
import { NEW_PASSWORD, expectNoHashIn } from "@/server/test/worlds/users";

describe("users.* authorization", () => {
  it("refuses focal points and analysts (FORBIDDEN) and visitors (UNAUTHORIZED), writing nothing", async () => {
    const target = await createTestUser({ role: "ANALYST" });
    const before = await userRow(target.id);
    const email = `refused-${uniqueSuffix()}@test.example`;
    const calls = (caller: Awaited<ReturnType<typeof callerAs>>) => [
      caller.users.list({}),
      caller.users.get({ id: target.id }),
      caller.users.create({ name: "Refused", email, role: "ANALYST", password: NEW_PASSWORD }),
      caller.users.update({ id: target.id, expectedUpdatedAt: before.updatedAt.toISOString(), name: "Hijacked" }),
      caller.users.setActive({ id: target.id, active: false }),
      caller.users.resetPassword({ id: target.id, newPassword: NEW_PASSWORD }),
    ];
    const focalPoint = await callerFor("FOCAL_POINT", "AT");
    const analyst = await callerFor("ANALYST");
    for (const caller of [focalPoint.caller, analyst.caller]) {
      for (const call of calls(caller)) await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const call of calls(await callerAs("public"))) await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    expect(await userRow(target.id)).toEqual(before);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityType: "User", entityId: target.id } })).toBe(0);
  });
});

describe("users.list and users.get", () => {
  it("filters by role, State and active, searches name and email without case, and never returns hashes", async () => {
    const { caller } = await callerFor("ADMIN");
    const tag = `list${uniqueSuffix()}`;
    const austria = await stateByIso2("AT");
    const focalPoint = await caller.users.create({
      name: `${tag} Focal`, email: `${tag}-fp@test.example`, role: "FOCAL_POINT", stateId: austria.id, password: NEW_PASSWORD,
    });
    const analyst = await caller.users.create({
      name: `${tag} Analyst`, email: `${tag}-an@test.example`, role: "ANALYST", password: NEW_PASSWORD,
    });
    const inactive = await caller.users.create({
      name: `${tag} Gone`, email: `${tag}-gone@test.example`, role: "ANALYST", password: NEW_PASSWORD,
    });
    await caller.users.setActive({ id: inactive.id, active: false });

    const all = await caller.users.list({ search: tag.toUpperCase() });
    expect(all.items.map((user) => user.id)).toEqual([analyst.id, focalPoint.id, inactive.id]); // by name
    expect(all.nextCursor).toBeNull();
    for (const item of all.items) expect(item).not.toHaveProperty("passwordHash");
    expect(all.items[1]).toMatchObject({ role: "FOCAL_POINT", active: true, mustChangePassword: true, lastSignInAt: null, state: { name: austria.name, iso2: "AT" } });

    expect((await caller.users.list({ search: tag, role: "FOCAL_POINT" })).items.map((user) => user.id)).toEqual([focalPoint.id]);
    expect((await caller.users.list({ search: tag, stateId: austria.id })).items.map((user) => user.id)).toEqual([focalPoint.id]);
    expect((await caller.users.list({ search: tag, active: false })).items.map((user) => user.id)).toEqual([inactive.id]);
    expect((await caller.users.list({ search: `${tag}-AN@` })).items.map((user) => user.id)).toEqual([analyst.id]); // email

    const fetched = await caller.users.get({ id: focalPoint.id });
    expect(fetched).toMatchObject({ id: focalPoint.id, email: `${tag}-fp@test.example`, state: { iso2: "AT" } });
    expect(fetched).not.toHaveProperty("passwordHash");
  });

  it("matches % and _ in a search literally (T08)", async () => {
    const { caller } = await callerFor("ADMIN");
    const tag = `lit${uniqueSuffix()}`;
    const make = (name: string) =>
      caller.users.create({ name, email: `${tag}-${uniqueSuffix()}@test.example`, role: "ANALYST", password: NEW_PASSWORD });
    const percent = await make(`${tag} 50% done`);
    await make(`${tag} 50x done`);
    const underscore = await make(`${tag} a_b`);
    await make(`${tag} axb`);
    const backslash = await make(`${tag} c\\d`);
    await make(`${tag} cd`);

    expect((await caller.users.list({ search: `${tag} 50%` })).items.map((user) => user.id)).toEqual([percent.id]);
    expect((await caller.users.list({ search: `${tag} a_b` })).items.map((user) => user.id)).toEqual([underscore.id]);
    expect((await caller.users.list({ search: `${tag} c\\d` })).items.map((user) => user.id)).toEqual([backslash.id]);
    expect((await caller.users.list({ search: "%" })).items.every((user) => user.name.includes("%") || user.email.includes("%"))).toBe(true);
  });

  it("pages by cursor in name order without repeating or skipping anyone", async () => {
    const { caller } = await callerFor("ADMIN");
    const tag = `page${uniqueSuffix()}`;
    const created = [];
    for (const letter of ["e", "c", "a", "d", "b"]) {
      created.push(
        await caller.users.create({ name: `${tag} ${letter}`, email: `${tag}-${letter}@test.example`, role: "ANALYST", password: NEW_PASSWORD }),
      );
    }
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.users.list({ search: tag, limit: 2, cursor });
      names.push(...page.items.map((user) => user.name));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(names).toEqual(["a", "b", "c", "d", "e"].map((letter) => `${tag} ${letter}`));

    // The cursor's own row leaving the filter must not make the next page skip anyone.
    const firstPage = await caller.users.list({ search: tag, active: true, limit: 2 });
    await caller.users.setActive({ id: firstPage.items[1]!.id, active: false });
    const secondPage = await caller.users.list({ search: tag, active: true, limit: 2, cursor: firstPage.nextCursor! });
    expect(secondPage.items.map((user) => user.name)).toEqual([`${tag} c`, `${tag} d`]);

    await expect(caller.users.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.users.list({ search: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    const { caller } = await callerFor("ADMIN");
    await expect(caller.users.get({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("users.create", () => {
  it("creates a focal point who must change the password, with an audit row and no hash in it", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    const france = await stateByIso2("FR");
    const email = `new-fp-${uniqueSuffix()}@test.example`;
    const created = await caller.users.create({
      name: "Nouvelle Référente", email: `  ${email.toUpperCase()} `, role: "FOCAL_POINT", stateId: france.id, password: NEW_PASSWORD,
    });
    expect(created).toMatchObject({ email, role: "FOCAL_POINT", mustChangePassword: true, active: true, state: { iso2: "FR" } });
    expect(created).not.toHaveProperty("passwordHash");

    const row = await userRow(created.id);
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    const audit = await userAudit(created.id, "user.created");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", after: { email, role: "FOCAL_POINT", stateId: france.id } });
    expectNoHashIn(audit);
  });

  it("refuses a focal point without a State and an analyst with one, as field errors, writing nothing", async () => {
    const { caller } = await callerFor("ADMIN");
    const austria = await stateByIso2("AT");
    const fpEmail = `fp-nostate-${uniqueSuffix()}@test.example`;
    const analystEmail = `an-state-${uniqueSuffix()}@test.example`;
    const fieldError = { code: "BAD_REQUEST", cause: { details: { fieldErrors: { stateId: [expect.any(String)] } } } };

    await expect(caller.users.create({ name: "No State", email: fpEmail, role: "FOCAL_POINT", password: NEW_PASSWORD })).rejects.toMatchObject(fieldError);
    await expect(
      caller.users.create({ name: "No State", email: fpEmail, role: "FOCAL_POINT", stateId: null, password: NEW_PASSWORD }),
    ).rejects.toMatchObject(fieldError);
    await expect(
      caller.users.create({ name: "With State", email: analystEmail, role: "ANALYST", stateId: austria.id, password: NEW_PASSWORD }),
    ).rejects.toMatchObject(fieldError);
    await expect(
      caller.users.create({ name: "Bad State", email: fpEmail, role: "FOCAL_POINT", stateId: "00000000-0000-4000-8000-000000000000", password: NEW_PASSWORD }),
    ).rejects.toMatchObject(fieldError);

    expect(await db.user.count({ where: { email: { in: [fpEmail, analystEmail] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.created", after: { path: ["email"], equals: fpEmail } } })).toBe(0);
  });

  it("answers CONFLICT with an email field error for an existing email, in any letter case", async () => {
    const { caller } = await callerFor("ADMIN");
    const existing = await createTestUser({ role: "ANALYST" });
    await expect(
      caller.users.create({ name: "Twin", email: existing.email.toUpperCase(), role: "ANALYST", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { fieldErrors: { email: [expect.any(String)] } } } });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("refuses unknown keys and weak input (T05)", async () => {
    const { caller } = await callerFor("ADMIN");
    const email = `smuggle-${uniqueSuffix()}@test.example`;
    const base = { name: "Smuggler", email, role: "ANALYST" as const, password: NEW_PASSWORD };
    for (const extra of [{ sessionVersion: 99 }, { passwordHash: "x" }, { active: false }]) {
      await expect(caller.users.create({ ...base, ...extra } as typeof base)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(caller.users.create({ ...base, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.users.create({ ...base, name: "Nul\u0000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("users.update", () => {
  it("renames without ending sessions, and ends them when the role changes", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "ANALYST" });

    const claims = await signInClaims(target.id);
    const renamed = await caller.users.update({ id: target.id, expectedUpdatedAt: target.updatedAt.toISOString(), name: "Renamed Analyst" });
    expect(renamed.name).toBe("Renamed Analyst");
    expect(await loadActor(claims, null)).not.toBeNull();

    const promoted = await caller.users.update({ id: target.id, expectedUpdatedAt: renamed.updatedAt, role: "ADMIN" });
    expect(promoted.role).toBe("ADMIN");
    expect(await loadActor(claims, null)).toBeNull();
    expect(await loadActor(await signInClaims(target.id), null)).toMatchObject({ role: "ADMIN" });

    const audit = await userAudit(target.id, "user.updated");
    expect(audit).toHaveLength(2);
    expect(audit.find((event) => (event.after as { role: string }).role === "ADMIN")).toMatchObject({
      actorId: admin.id,
      before: { role: "ANALYST" },
      after: { role: "ADMIN", sessionsEnded: true },
    });
    expectNoHashIn(audit);
  });

  it("moves a focal point to another State (ending sessions) and clears the State on a change to analyst", async () => {
    const { caller } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "FOCAL_POINT", stateIso2: "AT" });
    const germany = await stateByIso2("DE");

    const claims = await signInClaims(target.id);
    const moved = await caller.users.update({ id: target.id, expectedUpdatedAt: target.updatedAt.toISOString(), stateId: germany.id });
    expect(moved.state?.iso2).toBe("DE");
    expect(await loadActor(claims, null)).toBeNull();

    const analyst = await caller.users.update({ id: target.id, expectedUpdatedAt: moved.updatedAt, role: "ANALYST" });
    expect(analyst).toMatchObject({ role: "ANALYST", state: null });

    const before = await userRow(target.id);
    await expect(
      caller.users.update({ id: target.id, expectedUpdatedAt: analyst.updatedAt, role: "FOCAL_POINT" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { fieldErrors: { stateId: [expect.any(String)] } } } });
    await expect(
      caller.users.update({ id: target.id, expectedUpdatedAt: analyst.updatedAt, stateId: germany.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { fieldErrors: { stateId: [expect.any(String)] } } } });
    expect(await userRow(target.id)).toEqual(before);
  });

  it("answers CONFLICT naming who changed the account when expectedUpdatedAt is stale, and overwrites nothing", async () => {
    const { caller, user: admin } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "ANALYST" });
    const read = target.updatedAt.toISOString();
    await caller.users.update({ id: target.id, expectedUpdatedAt: read, name: "First Edit" });
    const afterFirst = await userRow(target.id);

    await expect(caller.users.update({ id: target.id, expectedUpdatedAt: read, name: "Second Edit" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { conflict: { changedBy: admin.name, changedAt: afterFirst.updatedAt.toISOString() } } },
    });
    expect(await userRow(target.id)).toEqual(afterFirst);
    expect(await userAudit(target.id, "user.updated")).toHaveLength(1);
  });

  it("lets exactly one of several parallel edits of one version through (T15)", async () => {
    const { caller } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "ANALYST" });
    const read = target.updatedAt.toISOString();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => caller.users.update({ id: target.id, expectedUpdatedAt: read, name: `Parallel ${index}` })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await userAudit(target.id, "user.updated")).toHaveLength(1);
  });

  it("refuses unknown keys such as sessionVersion or active (T05)", async () => {
    const { caller } = await callerFor("ADMIN");
    const target = await createTestUser({ role: "ANALYST" });
    const base = { id: target.id, expectedUpdatedAt: target.updatedAt.toISOString(), name: "Smuggled" };
    for (const extra of [{ sessionVersion: 1 }, { active: false }, { email: "x@test.example" }, { mustChangePassword: false }]) {
      await expect(caller.users.update({ ...base, ...extra } as typeof base)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await userRow(target.id)).toEqual(target);
  });
});
