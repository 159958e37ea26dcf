import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { appRouter } from "@/server/api/root";
import { PROCEDURE_ACCESS } from "@/server/api/procedure-access";
import { MUST_CHANGE_PASSWORD_MESSAGE } from "@/server/services/access";
import { buildExport } from "@/server/services/report-export-request";
import { actorFor, callerAs, createTestUser, TEST_PASSWORD } from "@/server/test/factories";
import { OWN_STATE, PROCEDURE_INPUTS } from "@/server/test/procedure-inputs";

// A user whose password was reset by an administrator (or created with a temporary one) must
// choose a new one before anything else, in the API as on the pages.

const ALLOWED = ["account.changePassword", "account.me", "account.profile", "account.signOutEverywhere"];
type AnyCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/** A user flagged to change their password, of the role that may otherwise call the procedure. */
async function flaggedCallerFor(procedure: string) {
  const ownState = PROCEDURE_ACCESS[procedure] === "own-state";
  const user = await createTestUser(ownState ? { role: "FOCAL_POINT", stateIso2: OWN_STATE } : { role: "ADMIN" });
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  const actor = await actorFor(user.id);
  return { user, actor, caller: (await callerAs(actor)) as unknown as AnyCaller };
}

async function call(caller: AnyCaller, procedure: string, input: unknown) {
  const [namespace, name] = procedure.split(".") as [string, string];
  return caller[namespace]![name]!(input);
}

describe("forced password change in the API (T04)", () => {
  for (const procedure of Object.keys(appRouter._def.procedures).filter((name) => !ALLOWED.includes(name)).sort()) {
    it(`T04 ${procedure} refuses a user who must change their password, changing nothing`, async () => {
      const { user, caller } = await flaggedCallerFor(procedure);
      await expect(call(caller, procedure, await PROCEDURE_INPUTS[procedure]!())).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: MUST_CHANGE_PASSWORD_MESSAGE,
      });
      expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(0);
    });
  }

  it("T04 allows reading the own account, signing out everywhere and changing the password; then everything else works", async () => {
    const { user, caller } = await flaggedCallerFor("commitments.list");
    await expect(call(caller, "account.me", undefined)).resolves.toMatchObject({ id: user.id, mustChangePassword: true });
    await expect(call(caller, "account.profile", undefined)).resolves.toMatchObject({ id: user.id });
    await expect(call(caller, "account.signOutEverywhere", {})).resolves.toBeUndefined();
    await call(caller, "account.changePassword", { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });
    // The next request re-reads the account: the flag is gone.
    const after = (await callerAs(await actorFor(user.id))) as unknown as AnyCaller;
    await expect(call(after, "commitments.list", {})).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it("T04 refuses report downloads too", async () => {
    const { actor } = await flaggedCallerFor("reports.matrix");
    await expect(buildExport(actor, new URLSearchParams({ report: "matrix", format: "csv" }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: MUST_CHANGE_PASSWORD_MESSAGE,
    });
  });
});
