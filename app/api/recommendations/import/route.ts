import { createRequestContext } from "@/server/api/trpc";
import { crossSiteRefusal, readBodyWithin } from "@/server/api/request-guard";
import { translatorFor } from "@/server/i18n/catalogs";
import { describeError, logger } from "@/server/platform/log";
import { IMPORT_MAX_BYTES } from "@/server/schemas/recommendation-file";
import { isSecretariat } from "@/server/services/access";
import { checkRecommendationFile, importRecommendationFile } from "@/server/services/imports/import-recommendations";
import { DEFAULT_LOCALE } from "@/server/shared/locales";
import { DomainError, ServiceUnavailableError, isDatabaseTimeout, isDatabaseUnavailable, serviceUnavailableMessage } from "@/server/services/errors";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * POST /api/recommendations/import?step=check|import&name=<file name>[&checksum=<of the checked file>]
 * with the file itself as the body: checks it (nothing written) or imports it, all or nothing,
 * if it is the file that was checked. The secretariat only.
 */
export async function POST(req: Request) {
  const refusal = crossSiteRefusal(req);
  if (refusal) return refusal;
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

  const body = await readBodyWithin(req, IMPORT_MAX_BYTES);
  if (body instanceof Response) return body;
  const params = new URL(req.url).searchParams;
  const file = { name: (params.get("name") ?? "").slice(0, 200), bytes: new Uint8Array(body ?? []) };
  try {
    if (params.get("step") === "import") return json(await importRecommendationFile(actor, file, params.get("checksum") ?? "", locale));
    return json({ kind: "checked", preview: await checkRecommendationFile(actor, file, locale) });
  } catch (error) {
    if (error instanceof DomainError) return json({ error: { message: error.localized(locale).message } }, error.code === "CONFLICT" ? 409 : 400);
    if (isDatabaseTimeout(error) || isDatabaseUnavailable(error)) {
      logger.error({ event: "import.database_unavailable", requestId, error: describeError(error) });
      return json({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 503);
    }
    logger.error({ event: "import.error", requestId, error: describeError(error) });
    return json({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 500);
  }
}
