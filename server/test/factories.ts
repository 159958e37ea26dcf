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

/**
 * A published recommendation with commitments for the given States, written directly (test
 * set-up; the publish workflow itself is tested through the router in its own file).
 */
export async function createPublishedCommitments(stateIso2s: string[], options: { dueDate?: Date | null } = {}) {
  const scale = await db.statusScale.findFirstOrThrow({
    where: { isDefault: true },
    include: { statuses: { orderBy: { position: "asc" } } },
  });
  const source = await db.source.create({
    data: { title: `Test source ${uniqueSuffix()}`, kind: "CONFERENCE", date: new Date("2017-04-03T00:00:00Z") },
  });
  const recommendation = await db.recommendation.create({
    data: {
      sourceId: source.id,
      reference: `T-${uniqueSuffix()}`,
      text: `Temporary residency for trafficked migrant children ${uniqueSuffix()}`,
      scaleId: scale.id,
      publication: "PUBLISHED",
      publishedAt: new Date(),
      dueDate: options.dueDate === undefined ? new Date("2030-12-31T00:00:00Z") : options.dueDate,
      themes: { create: [{ theme: { connect: { key: "children" } } }] },
    },
  });
  const first = scale.statuses[0]!;
  const commitments: Record<string, { id: string; version: number }> = {};
  for (const iso2 of stateIso2s) {
    const state = await stateByIso2(iso2);
    const commitment = await db.commitment.create({
      data: {
        recommendationId: recommendation.id,
        stateId: state.id,
        acceptedStatusId: first.id,
        acceptedProgress: first.defaultProgress,
        dueDate: recommendation.dueDate,
        statusChanges: { create: { statusId: first.id, progress: first.defaultProgress, effectiveAt: recommendation.publishedAt! } },
      },
    });
    commitments[iso2] = { id: commitment.id, version: commitment.version };
  }
  const statuses = Object.fromEntries(scale.statuses.map((status) => [status.key, status]));
  return { source, recommendation, scale, statuses, commitments };
}
