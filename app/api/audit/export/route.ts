import { exportResponse } from "@/server/api/export-response";
import { auditLogExport } from "@/server/services/audit-export";

export const dynamic = "force-dynamic";

/** GET /api/audit/export?actorId=…&action=…&from=YYYY-MM-DD&to=YYYY-MM-DD: the administrators' audit log as CSV. */
export async function GET(req: Request) {
  return exportResponse(req, "/api/audit/export", ({ actor, locale }) => auditLogExport(actor, new URL(req.url).searchParams, locale));
}
