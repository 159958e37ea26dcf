import { createRequestContext } from "@/server/api/trpc";
import { buildExport } from "@/server/services/report-export-request";
import { ExportsBusyError } from "@/server/services/exports/render-pool";
import { DATABASE_TIMEOUT_MESSAGE, DomainError, isDatabaseTimeout, isDatabaseUnavailable } from "@/server/services/errors";
import { describeError, logger } from "@/server/platform/log";

export const dynamic = "force-dynamic";

/** GET /api/reports/export?report=matrix&format=csv&sourceId=…: a report as CSV, Excel or PDF. */
export async function GET(req: Request) {
  const { actor, requestId } = await createRequestContext(req);
  try {
    const { body, contentType, filename } = await buildExport(actor, new URL(req.url).searchParams);
    return new Response(body, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      return Response.json({ error: { message: error.message } }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
    }
    if (error instanceof ExportsBusyError) {
      return Response.json({ error: { message: error.message } }, { status: 503, headers: { "retry-after": String(error.retryAfterSeconds) } });
    }
    if (isDatabaseTimeout(error)) {
      logger.warn({ event: "export.timeout", requestId, error: describeError(error) });
      return Response.json({ error: { message: DATABASE_TIMEOUT_MESSAGE } }, { status: 503 });
    }
    if (isDatabaseUnavailable(error)) {
      return Response.json({ error: { message: "The database is unavailable. Try again in a moment." } }, { status: 503 });
    }
    logger.error({ event: "export.error", requestId, error: describeError(error) });
    return Response.json({ error: { message: `The export failed. Reference: ${requestId ?? "none"}` } }, { status: 500 });
  }
}
