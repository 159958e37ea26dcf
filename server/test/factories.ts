import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import type { UserActor } from "@/server/services/access";
import type { Role } from "@/prisma/generated/enums";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export function uniqueSuffix() {
  return crypto.randomBytes(5).toString("hex");
}

export async function stateByIso2(iso2: string) {
  return db.state.findUniqueOrThrow({ where: { iso2 } });
}

/** A real user row with a unique email; focal points need a State code. */
export async function createTestUser(options: { role: Role; stateIso2?: string; password?: string }) {
  const state = options.stateIso2 ? await stateByIso2(options.stateIso2) : null;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = options.password ? await hashPassword(options.password) : await cachedHash;
  return db.user.create({
    data: {
      email: `user-${uniqueSuffix()}@test.example`,
      name: `Test ${options.role.toLowerCase()} ${uniqueSuffix()}`,
      role: options.role,
      stateId: state?.id ?? null,
      passwordHash,
    },
  });
}

/** The actor a request of this user would carry. */
export async function actorFor(userId: string): Promise<UserActor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { state: true } });
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    stateId: user.stateId,
    stateName: user.state?.name ?? null,
    stateIso2: user.state?.iso2 ?? null,
    mustChangePassword: user.mustChangePassword,
    requestId: `test-${uniqueSuffix()}`,
  };
}

/** A tRPC caller acting as this actor (or as a signed-out visitor), through the real router. */
export async function callerAs(actor: UserActor | "public") {
  const { createCaller } = await import("@/server/api/root");
  if (actor === "public") return createCaller({ actor: { kind: "public", requestId: null }, requestId: null });
  return createCaller({ actor, requestId: actor.requestId });
}

/** A signed-in caller for a new user of this role (and State, for focal points). */
export async function callerFor(role: Role, stateIso2?: string) {
  const user = await createTestUser({ role, stateIso2 });
  const actor = await actorFor(user.id);
  return { user, actor, caller: await callerAs(actor) };
}
