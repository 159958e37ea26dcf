import { describe, expect, it } from "vitest";
import { callerAs, callerFor } from "@/server/test/factories";

describe("who is signed in", () => {
  it("account.me answers null for a visitor and the profile for a user", async () => {
    const visitor = await callerAs("public");
    expect(await visitor.account.me()).toBeNull();
    const focal = await callerFor("FOCAL_POINT", "IT");
    expect(await focal.caller.account.me()).toMatchObject({ id: focal.user.id, role: "FOCAL_POINT", roleLabel: "Focal point", stateName: "Italy", stateIso2: "IT" });
  });

  it("account.profile needs a session and never returns secrets", async () => {
    const visitor = await callerAs("public");
    await expect(visitor.account.profile()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const analyst = await callerFor("ANALYST");
    const profile = await analyst.caller.account.profile();
    expect(profile).toMatchObject({ email: analyst.user.email, role: "ANALYST", stateName: null });
    expect(JSON.stringify(profile)).not.toContain("argon2");
  });
});
