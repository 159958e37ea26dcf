"use client";

import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { Role } from "@/prisma/generated/enums";
import type { THistoryEntity } from "@/server/schemas/audit";

/** Who made a change, as the audit trail recorded it. */
export type AuditActor = { id: string | null; name: string | null; email: string | null; role: string | null };

/** The audit trail's names in the reader's language; a kind of change or field the catalog does not know shows as recorded. */
export function useAuditLabels() {
  const t = useTranslations("history");
  const reviewStates = useTranslations("common.reviewStates");
  const refs = useReferenceLabels();
  const known = (key: string) => t.has(key as Parameters<typeof t.has>[0]);
  const say = (key: string, fallback: string) => (known(key) ? t(key as Parameters<typeof t>[0]) : fallback);
  return {
    action: (action: string) => say(`actions.${action}`, action),
    field: (field: string) => say(`fields.${field}`, field),
    entityType: (type: string) => say(`entityTypes.${type}`, type),
    role: (role: string | null) => (role !== null && role in Role ? refs.role(role as Role) : null),
    /** A recorded value: review states and roles by their names, anything else as recorded. */
    value: (field: string, value: string) => {
      if (field === "reviewState" && reviewStates.has(value as Parameters<typeof reviewStates.has>[0])) return reviewStates(value as Parameters<typeof reviewStates>[0]);
      if (field === "role" && value in Role) return refs.role(value as Role);
      return value;
    },
    actor: (actor: AuditActor) => {
      if (actor.name ?? actor.email) return (actor.name ?? actor.email)!;
      if (actor.role === "SYSTEM") return t("actor.system");
      if (actor.role === "PUBLIC") return t("actor.public");
      return t("actor.unknown");
    },
  };
}

const RECORD_PATHS: Record<THistoryEntity, string> = {
  recommendation: "/recommendations",
  commitment: "/commitments",
  user: "/admin/users",
  source: "/sources",
};
const ENTITY_OF_TYPE: Record<string, THistoryEntity> = { Recommendation: "recommendation", Commitment: "commitment", User: "user", Source: "source" };

/** The page a History view belongs to. */
export function recordHref(entity: THistoryEntity, id: string): string {
  return `${RECORD_PATHS[entity]}/${encodeURIComponent(id)}`;
}

/** Where the History of an audited record is, for the records that have one (null: none). */
export function historyHref(entityType: string, id: string): string | null {
  const entity = ENTITY_OF_TYPE[entityType];
  return entity ? `${recordHref(entity, id)}/history` : null;
}
