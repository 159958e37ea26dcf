import * as z from "zod/mini";
import { noStoreJson, secretariatRequest } from "@/server/api/file-route";
import { translatorFor } from "@/server/i18n/catalogs";
import { clientAddress } from "@/server/platform/client-address";
import { describeError, logger } from "@/server/platform/log";
import { RateLimitedError, enforceClientLimit } from "@/server/platform/rate-limit";
import { ZListRecommendationsInput } from "@/server/schemas/recommendations";
import { recommendationsCsv, recommendationsXlsx } from "@/server/services/imports/export-recommendations";
import { serviceUnavailableMessage } from "@/server/services/errors";

export const dynamic = "force-dynamic";

/** The list's filters as the download links name them. */
const ZExportFilters = z.strictObject({
  format: z.enum(["csv", "xlsx"]),
  source: z.optional(z.string()),
  publication: z.optional(z.string()),
  theme: z.optional(z.string()),
  q: z.optional(z.string()),
});

/**
 * GET /api/recommendations/export?format=csv|xlsx[&source=&publication=&theme=&q=]: the
 * recommendations list under its filters, in the recommendation file format. The secretariat only.
 */
export async function GET(req: Request) {
  const request = await secretariatRequest(req);
  if (request instanceof Response) return request;
  const { actor, requestId, locale } = request;
  const params = ZExportFilters.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  const filters = params.success
    ? ZListRecommendationsInput.safeParse({
        ...(params.data.source ? { sourceId: params.data.source } : {}),
        ...(params.data.publication ? { publication: params.data.publication } : {}),
        ...(params.data.theme ? { themeKey: params.data.theme } : {}),
        ...(params.data.q?.trim() ? { search: params.data.q.trim() } : {}),
      })
    : null;
  if (!params.success || !filters?.success) return noStoreJson({ error: { message: (await translatorFor(locale, "imports"))("export.invalid") } }, 400);
  try {
    await enforceClientLimit("exports", clientAddress(req.headers));
    const { limit: _limit, cursor: _cursor, ...where } = filters.data ?? {};
    const csv = params.data.format === "csv";
    const body = csv ? await recommendationsCsv(actor, where) : await recommendationsXlsx(actor, where);
    return new Response(body as BodyInit, {
      headers: {
        "content-type": csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="recommendations.${params.data.format}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof RateLimitedError) return noStoreJson({ error: { message: error.localized(locale) } }, 429, { "retry-after": String(error.retryAfterSeconds) });
    logger.error({ event: "recommendations_export.error", requestId, error: describeError(error) });
    return noStoreJson({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 500);
  }
}
