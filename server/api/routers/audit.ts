import "server-only";
import { wire } from "@/server/api/wire";
import { adminProcedure, router, secretariatProcedure } from "@/server/api/trpc";
import { ZAuditLogInput, ZEntityHistoryInput } from "@/server/schemas/audit";
import { getAuditLog, getAuditLogOptions, getEntityHistory } from "@/server/services/audit-history";

/** The audit trail, read-only: a record's History, and the administrators' audit log. */
export const auditRouter = router({
  history: secretariatProcedure.input(ZEntityHistoryInput).query(({ ctx, input }) => wire(getEntityHistory(ctx.actor, input, ctx.locale))),
  log: adminProcedure.input(ZAuditLogInput).query(({ ctx, input }) => wire(getAuditLog(ctx.actor, input, ctx.locale))),
  logOptions: adminProcedure.query(({ ctx }) => wire(getAuditLogOptions(ctx.actor))),
});
