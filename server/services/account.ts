import type { Actor } from "@/server/services/access";
import { ROLE_LABELS } from "@/server/services/access";

export type ActorSummary = {
  id: string;
  name: string;
  email: string;
  role: keyof typeof ROLE_LABELS;
  roleLabel: string;
  stateName: string | null;
  stateIso2: string | null;
  mustChangePassword: boolean;
};

export function describeActor(actor: Actor): ActorSummary | null {
  if (actor.kind !== "user") return null;
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    stateName: actor.stateName,
    stateIso2: actor.stateIso2,
    mustChangePassword: actor.mustChangePassword,
  };
}
