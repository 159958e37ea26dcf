import { noStoreJson, secretariatRequest } from "@/server/api/file-route";
import { crossSiteRefusal, readBodyWithin } from "@/server/api/request-guard";
import { describeError, logger } from "@/server/platform/log";
import { IMPORT_MAX_BYTES } from "@/server/schemas/recommendation-file";
import { checkRecommendationFile, importRecommendationFile } from "@/server/services/imports/import-recommendations";
import { DomainError, isDatabaseTimeout, isDatabaseUnavailable, serviceUnavailableMessage } from "@/server/services/errors";

export const dynamic = "force-dynamic";

/**
 * POST /api/recommendations/import?step=check|import&name=<file name>[&checksum=<of the checked file>]
 * with the file itself as the body: checks it (nothing written) or imports it, all or nothing,
 * if it is the file that was checked. The secretariat only.
 */
export async function POST(req: Request) {
  const refusal = crossSiteRefusal(req);
  if (refusal) return refusal;
  const request = await secretariatRequest(req);
  if (request instanceof Response) return request;
  const { actor, requestId, locale } = request;

  const body = await readBodyWithin(req, IMPORT_MAX_BYTES);
  if (body instanceof Response) return body;
  const params = new URL(req.url).searchParams;
  const file = { name: (params.get("name") ?? "").slice(0, 200), bytes: new Uint8Array(body ?? []) };
  try {
    if (params.get("step") === "import") return noStoreJson(await importRecommendationFile(actor, file, params.get("checksum") ?? "", locale));
    return noStoreJson({ kind: "checked", preview: await checkRecommendationFile(actor, file, locale) });
  } catch (error) {
    if (error instanceof DomainError) return noStoreJson({ error: { message: error.localized(locale).message } }, error.code === "CONFLICT" ? 409 : 400);
    if (isDatabaseTimeout(error) || isDatabaseUnavailable(error)) {
      logger.error({ event: "import.database_unavailable", requestId, error: describeError(error) });
      return noStoreJson({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 503);
    }
    logger.error({ event: "import.error", requestId, error: describeError(error) });
    return noStoreJson({ error: { message: serviceUnavailableMessage(requestId, locale) } }, 500);
  }
}
