// Every role assertion of the services, in one place. The procedure tiers check the role first; the
// services check again because they are also called directly (pages, the command line, jobs).
import "server-only";
import type { ErrorKey } from "@/server/i18n/server-messages";
import { DomainError } from "@/server/services/errors";
import { isAdmin, isSecretariat, type UserActor } from "@/server/services/access";
import { isSystem, type ServiceActor, type SystemActor } from "@/server/services/core/system-actor";

export function assertSecretariat(actor: ServiceActor, message: ErrorKey = "access.secretariatOnly"): asserts actor is (UserActor & { role: "ADMIN" | "ANALYST" }) | SystemActor {
  if (isSystem(actor) || isSecretariat(actor)) return;
  throw new DomainError("FORBIDDEN", message);
}

export function assertAdmin(actor: ServiceActor, message: ErrorKey = "access.administratorsOnly"): asserts actor is (UserActor & { role: "ADMIN" }) | SystemActor {
  if (isSystem(actor) || isAdmin(actor)) return;
  throw new DomainError("FORBIDDEN", message);
}
