import "server-only";
import type { Actor } from "@/server/services/access";

/**
 * The installation itself acting, not a person: seeding, command-line administration, scheduled
 * jobs and imports. It passes every permission assertion and is recorded in the audit trail with
 * the role SYSTEM and what it was doing. It never comes from a request.
 */
export type SystemActor = { kind: "system"; reason: string; requestId: null };

/** Who a service that the system may also call is acting for. */
export type ServiceActor = Actor | SystemActor;

export function systemActor(reason: string): SystemActor {
  return { kind: "system", reason, requestId: null };
}

export function isSystem(actor: ServiceActor): actor is SystemActor {
  return actor.kind === "system";
}
