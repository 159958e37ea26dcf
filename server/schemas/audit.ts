import * as z from "zod/mini";
import { zDateOnly, zId, zText } from "@/server/schemas/common";
import { AUDIT_EXPORT_MAX } from "@/server/schemas/limits";

// The audit trail's read-only views: one record's history, and the administrators' audit log.

/** The records that have a History view, as their pages name them. */
export const HISTORY_ENTITIES = ["recommendation", "commitment", "user", "source"] as const;
export type THistoryEntity = (typeof HISTORY_ENTITIES)[number];

const zPage = {
  /** Opaque: the `nextCursor` of the previous page, for the same record or filters. */
  cursor: z.optional(zText(500, "pageCursor")),
  limit: z._default(z.int().check(z.gte(1), z.lte(100)), 25),
};

export const ZEntityHistoryInput = z.strictObject({
  entity: z.enum(HISTORY_ENTITIES),
  id: zId,
  ...zPage,
});
export type TEntityHistoryInput = z.input<typeof ZEntityHistoryInput>;

/** The kind of change: an audit action as the services write it ("recommendation.updated"). */
export const zAuditAction = z.string().check(z.regex(/^[a-z0-9_]{1,40}\.[a-z0-9_]{1,58}$/));

export const ZAuditLogFilters = z.strictObject({
  /** Who made the change. */
  actorId: z.optional(zId),
  action: z.optional(zAuditAction),
  /** First and last day (UTC), both included. */
  from: z.optional(zDateOnly),
  to: z.optional(zDateOnly),
});
export type TAuditLogFilters = z.input<typeof ZAuditLogFilters>;

export const ZAuditLogInput = z.strictObject({ ...ZAuditLogFilters.shape, ...zPage });
export type TAuditLogInput = z.input<typeof ZAuditLogInput>;

export { AUDIT_EXPORT_MAX };
