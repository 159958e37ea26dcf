import "server-only";
import { createRequestContext } from "@/server/api/trpc";
import { ExportsBusyError } from "@/server/services/exports/render-pool";
import { DATABASE_TIMEOUT_MESSAGE, DomainError, ServiceUnavailableError, isDatabaseTimeout, isDatabaseUnavailable, serviceUnavailableMessage } from "@/server/services/errors";
import { describeError, logger } from "@/server/platform/log";
import { clientAddress } from "@/server/platform/client-address";
import { RateLimitedError, enforceClientLimit } from "@/server/platform/rate-limit";

// A file download (a report, the audit log): the request's reader and language, the exports' rate
// limit, the file with its name in the reader's language, and every refusal as a short JSON answer.

type RequestContext = Awaited<ReturnType<typeof createRequestContext>>;
export type ExportFile = { body: BodyInit; contentType: string; filename: string; unicodeFilename: string };

function serviceUnavailable(requestId: string) {
  return Response.json(
    { error: { message: serviceUnavailableMessage(requestId), requestId } },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
  );
}

/** Answers a download request at `path` with the file `build` makes for the request's reader. */
export async function exportResponse(req: Request, path: string, build: (context: RequestContext) => Promise<ExportFile>): Promise<Response> {
  let context: RequestContext;
  try {
    context = await createRequestContext(req);
  } catch (error) {
    // Already logged where the session could not be read.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ServiceUnavailableError) return serviceUnavailable(cause.requestId);
    throw error;
  }
  const { requestId, locale } = context;
  // Before any report work: a refused export costs one statement, not a report.
  try {
    await enforceClientLimit("exports", clientAddress(req.headers));
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return Response.json({ error: { message: error.localized(locale) } }, { status: 429, headers: { "retry-after": String(error.retryAfterSeconds) } });
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ event: "request.database_unavailable", requestId, path, error: describeError(error) });
      return serviceUnavailable(requestId);
    }
    throw error;
  }
  try {
    const { body, contentType, filename, unicodeFilename } = await build(context);
    return new Response(body, {
      headers: {
        "content-type": contentType,
        // The file's name in the reader's language (RFC 6266), with an ASCII name for older clients.
        "content-disposition": `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(unicodeFilename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) {
      return Response.json({ error: { message: error.localized(locale).message } }, { status: error.code === "NOT_FOUND" ? 404 : error.code === "FORBIDDEN" ? 403 : 400 });
    }
    if (error instanceof ExportsBusyError) {
      return Response.json({ error: { message: error.message } }, { status: 503, headers: { "retry-after": String(error.retryAfterSeconds) } });
    }
    if (isDatabaseTimeout(error)) {
      logger.warn({ event: "export.timeout", requestId, error: describeError(error) });
      return Response.json({ error: { message: DATABASE_TIMEOUT_MESSAGE } }, { status: 503 });
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ event: "request.database_unavailable", requestId, path, error: describeError(error) });
      return serviceUnavailable(requestId);
    }
    logger.error({ event: "export.error", requestId, error: describeError(error) });
    return Response.json({ error: { message: `The export failed. Reference: ${requestId ?? "none"}` } }, { status: 500 });
  }
}
