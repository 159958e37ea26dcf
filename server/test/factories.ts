import crypto from "node:crypto";
import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { issueClaims, loadActor } from "@/server/auth/session";
import type { UserActor } from "@/server/services/access";
import type { Context } from "@/server/api/trpc";
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

/** The claims of a new sign-in of this user, as next-auth's jwt callback issues them (and carries them from then on). */
export async function signInClaims(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return issueClaims(user);
}

/**
 * The actor a signed-in request of this user carries, built as the app builds every request's:
 * `loadActor` over the claims of a new sign-in. Fails for a user who cannot have a session.
 */
export async function actorFor(userId: string, requestId = `test-${uniqueSuffix()}`): Promise<UserActor> {
  const actor = await loadActor(await signInClaims(userId), requestId);
  if (!actor) throw new Error(`User ${userId} cannot be signed in (unknown or deactivated)`);
  return actor;
}

/** The request context of a procedure called by this user, as the API handler builds it. */
export async function contextFor(userId: string, requestId = `test-${uniqueSuffix()}`): Promise<Context> {
  return { actor: await actorFor(userId, requestId), requestId };
}

/** The request context of a signed-out visitor, as the API handler builds it. */
export function visitorContext(requestId: string | null = null): Context {
  return { actor: { kind: "public", requestId }, requestId };
}

/** The user's row as stored now. */
export async function userRow(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId } });
}

/** The audit events of one action on a user. */
export async function userAudit(userId: string, action: string) {
  return db.auditEvent.findMany({ where: { entityType: "User", entityId: userId, action } });
}

/** A tRPC caller acting as this actor (or as a signed-out visitor), through the real router. */
export async function callerAs(actor: UserActor | "public") {
  const { createCaller } = await import("@/server/api/root");
  if (actor === "public") return createCaller(visitorContext());
  return createCaller({ actor, requestId: actor.requestId });
}

/** A signed-in caller for a new user of this role (and State, for focal points). */
export async function callerFor(role: Role, stateIso2?: string) {
  const user = await createTestUser({ role, stateIso2 });
  const actor = await actorFor(user.id);
  return { user, actor, caller: await callerAs(actor) };
}

/** A caller of each role (new users; the focal point of `focalIso2`) and a signed-out one. */
export async function callersOfEachRole(focalIso2: string) {
  return {
    admin: await callerFor("ADMIN"),
    analyst: await callerFor("ANALYST"),
    focal: await callerFor("FOCAL_POINT", focalIso2),
    publicCaller: await callerAs("public"),
  };
}
export type CallersOfEachRole = Awaited<ReturnType<typeof callersOfEachRole>>;

function defaultScale() {
  return db.statusScale.findFirstOrThrow({
    where: { isDefault: true },
    include: { statuses: { orderBy: { position: "asc" } } },
  });
}

/**
 * A published recommendation of the world's source, with a commitment at the scale's first status
 * for each of the given States, written directly (test set-up; the publish workflow itself is
 * tested through the router in its own file).
 */
export async function addPublishedRecommendation(
  world: { source: { id: string }; scale: Awaited<ReturnType<typeof defaultScale>> },
  stateIso2s: string[],
  options: { reference?: string; text?: string; themeKeys?: string[]; dueDate?: Date | null } = {},
) {
  const recommendation = await db.recommendation.create({
    data: {
      sourceId: world.source.id,
      reference: options.reference ?? `T-${uniqueSuffix()}`,
      text: options.text ?? `Temporary residency for trafficked migrant children ${uniqueSuffix()}`,
      scaleId: world.scale.id,
      publication: "PUBLISHED",
      publishedAt: new Date(),
      dueDate: options.dueDate === undefined ? new Date("2030-12-31T00:00:00Z") : options.dueDate,
      themes: { create: (options.themeKeys ?? ["children"]).map((key) => ({ theme: { connect: { key } } })) },
    },
  });
  const first = world.scale.statuses[0]!;
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
  return { recommendation, commitments };
}

/** A new source with one published recommendation and commitments for the given States (see addPublishedRecommendation). */
export async function createPublishedCommitments(stateIso2s: string[], options: { dueDate?: Date | null } = {}) {
  const scale = await defaultScale();
  const source = await db.source.create({
    data: { title: `Test source ${uniqueSuffix()}`, kind: "CONFERENCE", date: new Date("2017-04-03T00:00:00Z") },
  });
  const { recommendation, commitments } = await addPublishedRecommendation({ source, scale }, stateIso2s, options);
  const statuses = Object.fromEntries(scale.statuses.map((status) => [status.key, status]));
  return { source, recommendation, scale, statuses, commitments };
}
