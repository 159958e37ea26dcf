import * as z from "zod/mini";
import { createRequestContext } from "@/server/api/trpc";
import { translatorFor } from "@/server/i18n/catalogs";
import { clientAddress } from "@/server/platform/client-address";
import { describeError, logger } from "@/server/platform/log";
import { RateLimitedError, enforceClientLimit } from "@/server/platform/rate-limit";
import { ZListRecommendationsInput } from "@/server/schemas/recommendations";
import { isSecretariat } from "@/server/services/access";
import { recommendationsCsv, recommendationsXlsx } from "@/server/services/imports/export-recommendations";
import { ServiceUnavailableError, serviceUnavailableMessage } from "@/server/services/errors";
import { DEFAULT_LOCALE } from "@/server/shared/locales";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

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
  let context: Awaited<ReturnType<typeof createRequestContext>>;
  try {
    context = await createRequestContext(req);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ServiceUnavailableError) return json({ error: { message: serviceUnavailableMessage(cause.requestId) } }, 503);
    throw error;
  }
  const { actor, requestId } = context;
  const locale = context.locale ?? DEFAULT_LOCALE;
  if (!isSecretariat(actor)) return json({ error: { message: (await translatorFor(locale, "imports"))("forbidden") } }, 403);
  const params = ZExportFilters.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  const filters = params.success
    ? ZListRecommendationsInput.safeParse({
        ...(params.data.source ? { sourceId: params.data.source } : {}),
        ...(params.data.publication ? { publication: params.data.publication } : {}),
        ...(params.data.theme ? { themeKey: params.data.theme } : {}),
        ...(params.data.q?.trim() ? { search: params.data.q.trim() } : {}),
      })
    : null;
  if (!params.success || !filters?.success) return json({ error: { message: (await translatorFor(locale, "imports"))("export.invalid") } }, 400);
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
    if (error instanceof RateLimitedError) return json({ error: { message: error.localized(locale) } }, 429, { "retry-after": String(error.retryAfterSeconds) });
    logger.error({ event: "recommendations_export.error", requestId, error: describeError(error) });
    return json({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 500);
  }
}
