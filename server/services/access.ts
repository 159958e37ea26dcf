import "server-only";
import { Prisma } from "@/prisma/generated/client";
import type { Role } from "@/prisma/generated/enums";
import { errorText } from "@/server/i18n/server-messages";
import { isLocale, type Locale } from "@/server/shared/locales";

/** Who is acting. Identity, role and State come only from the session and the database. */
export type UserActor = {
  kind: "user";
  id: string;
  email: string;
  name: string;
  role: Role;
  stateId: string | null;
  stateName: string | null;
  stateIso2: string | null;
  mustChangePassword: boolean;
  /** The interface language the user chose, or null (the browser's). */
  locale: Locale | null;
  requestId: string | null;
};
/** A user as read from the database, with their State's name and code. */
export type ActorRow = Pick<UserActor, "id" | "email" | "name" | "role" | "stateId" | "stateName" | "stateIso2" | "mustChangePassword"> & { locale: string | null };

/** The actor a user acts as, from their row. */
export function userActorOf(user: ActorRow, requestId: string | null): UserActor {
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    stateId: user.stateId,
    stateName: user.stateName,
    stateIso2: user.stateIso2,
    mustChangePassword: user.mustChangePassword,
    locale: isLocale(user.locale) ? user.locale : null,
    requestId,
  };
}

export type PublicActor = { kind: "public"; requestId: string | null };
export type Actor = UserActor | PublicActor;

/** Why a user who must choose a new password is refused everything else (API and exports). */
export const MUST_CHANGE_PASSWORD_MESSAGE = errorText("access.mustChangePassword");

export function isSecretariat(actor: Actor): actor is UserActor & { role: "ADMIN" | "ANALYST" } {
  return actor.kind === "user" && (actor.role === "ADMIN" || actor.role === "ANALYST");
}

export function isAdmin(actor: Actor): actor is UserActor & { role: "ADMIN" } {
  return actor.kind === "user" && actor.role === "ADMIN";
}

export function isFocalPoint(actor: Actor): actor is UserActor & { role: "FOCAL_POINT"; stateId: string } {
  return actor.kind === "user" && actor.role === "FOCAL_POINT" && actor.stateId !== null;
}

// ---------------------------------------------------------------------------------------------
// Scope builders: every read goes through one of these, so out of scope looks exactly like
// missing (NOT_FOUND), and a missing State filter can never read every State.
// Combine them with AND ({ AND: [{ ...own conditions }, updateScope(actor)] }), never by
// spreading: a spread silently replaces an own condition on the same field (e.g. `state`).

/** Commitments the actor may see: all (secretariat), their State's (focal point), published (public). */
export function commitmentScope(actor: Actor): Prisma.CommitmentWhereInput {
  if (isSecretariat(actor)) return {};
  if (isFocalPoint(actor)) return { stateId: actor.stateId };
  if (actor.kind === "user") return { id: { in: [] } };
  return { recommendation: { publication: "PUBLISHED" } };
}

/**
 * `commitmentScope` for raw SQL, over "Commitment" c joined to "Recommendation" r (the list's
 * keyset query). The same rule as above, clause for clause; a test checks that both select the
 * same rows for every kind of actor.
 */
export function commitmentScopeSql(actor: Actor): Prisma.Sql {
  if (isSecretariat(actor)) return Prisma.sql`TRUE`;
  if (isFocalPoint(actor)) return Prisma.sql`c."stateId" = ${actor.stateId}::uuid`;
  if (actor.kind === "user") return Prisma.sql`FALSE`;
  return Prisma.sql`r."publication" = 'PUBLISHED'`;
}

/**
 * Progress updates the actor may see. A State's drafts are its own work in progress: the
 * secretariat sees updates once submitted; the public only accepted ones.
 */
export function updateScope(actor: Actor): Prisma.ProgressUpdateWhereInput {
  if (isSecretariat(actor)) return { reviewState: { not: "DRAFT" } };
  if (isFocalPoint(actor)) return { commitment: { stateId: actor.stateId } };
  if (actor.kind === "user") return { id: { in: [] } };
  return { reviewState: "ACCEPTED", commitment: { recommendation: { publication: "PUBLISHED" } } };
}

/**
 * `updateScope` for raw SQL, over "ProgressUpdate" pu of the commitment c (joined to its
 * "Recommendation" r). Same rule, clause for clause; a test checks that both agree.
 */
export function updateScopeSql(actor: Actor): Prisma.Sql {
  if (isSecretariat(actor)) return Prisma.sql`pu."reviewState" <> 'DRAFT'`;
  if (isFocalPoint(actor)) return Prisma.sql`c."stateId" = ${actor.stateId}::uuid`;
  if (actor.kind === "user") return Prisma.sql`FALSE`;
  return Prisma.sql`pu."reviewState" = 'ACCEPTED' AND r."publication" = 'PUBLISHED'`;
}

/** Evidence links the actor may see on updates already in scope. */
export function evidenceScope(actor: Actor): Prisma.EvidenceLinkWhereInput {
  if (actor.kind === "user") return {};
  return { isPublic: true };
}

/**
 * Assessments: the secretariat sees all; a focal point sees those of their State's commitments
 * (internal ones too: the State should know how it is rated); the public only those marked public.
 */
export function assessmentScope(actor: Actor): Prisma.AssessmentWhereInput {
  if (isSecretariat(actor)) return {};
  if (isFocalPoint(actor)) return { commitment: { stateId: actor.stateId } };
  if (actor.kind === "user") return { id: { in: [] } };
  return { isPublic: true, commitment: { recommendation: { publication: "PUBLISHED" } } };
}

/** Recommendations: drafts are the secretariat's; everyone else sees published ones. */
export function recommendationScope(actor: Actor): Prisma.RecommendationWhereInput {
  if (isSecretariat(actor)) return {};
  return { publication: "PUBLISHED" };
}
