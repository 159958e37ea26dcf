import { exportResponse } from "@/server/api/export-response";
import { buildExport } from "@/server/services/report-export-request";
import { exportApiParams } from "@/components/url-params";

export const dynamic = "force-dynamic";

/** GET /api/reports/export?report=matrix&format=csv&source=…: a report as CSV, Excel or PDF (the filters named as on the report pages). */
export async function GET(req: Request) {
  return exportResponse(req, "/api/reports/export", ({ actor, locale }) => buildExport(actor, exportApiParams(new URL(req.url).searchParams), locale));
}
