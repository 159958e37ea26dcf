import { describe, expect, it } from "vitest";
import type { Actor, UserActor } from "@/server/services/access";
import { assertAdmin, assertSecretariat } from "@/server/services/core/permissions";
import { systemActor } from "@/server/services/core/system-actor";
import { auditActor } from "@/server/services/audit";

const user = (role: UserActor["role"]): UserActor => ({
  kind: "user",
  id: "00000000-0000-7000-8000-000000000001",
  email: `${role.toLowerCase()}@test.example`,
  name: role,
  role,
  stateId: role === "FOCAL_POINT" ? "00000000-0000-7000-8000-000000000002" : null,
  stateName: null,
  stateIso2: null,
  mustChangePassword: false,
  locale: null,
  requestId: "req-1",
});
const visitor: Actor = { kind: "public", requestId: null };

describe("permission assertions", () => {
  it("let the secretariat and the system through, and refuse focal points and visitors with FORBIDDEN", () => {
    expect(() => assertSecretariat(user("ANALYST"))).not.toThrow();
    expect(() => assertSecretariat(user("ADMIN"))).not.toThrow();
    expect(() => assertSecretariat(systemActor("seed"))).not.toThrow();
    for (const actor of [user("FOCAL_POINT"), visitor]) {
      expect(() => assertSecretariat(actor)).toThrow(expect.objectContaining({ code: "FORBIDDEN", message: "Only the secretariat can do this." }));
    }
  });

  it("let administrators and the system through, refuse an analyst, and say the caller's own refusal", () => {
    expect(() => assertAdmin(user("ADMIN"))).not.toThrow();
    expect(() => assertAdmin(systemActor("user:create"))).not.toThrow();
    expect(() => assertAdmin(user("ANALYST"), "access.manageUsers")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: "Only administrators can manage users." }),
    );
  });

  it("record the system in the audit trail as SYSTEM, a visitor as PUBLIC, a user with role and State", () => {
    expect(auditActor(systemActor("seed"))).toMatchObject({ actorId: null, actorRole: "SYSTEM", requestId: null });
    expect(auditActor(visitor)).toMatchObject({ actorId: null, actorRole: "PUBLIC" });
    expect(auditActor(user("FOCAL_POINT"))).toMatchObject({ actorRole: "FOCAL_POINT", actorStateId: "00000000-0000-7000-8000-000000000002", requestId: "req-1" });
  });
});
