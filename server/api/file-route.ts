import "server-only";
import { createRequestContext } from "@/server/api/trpc";
import { translatorFor } from "@/server/i18n/catalogs";
import { isSecretariat, type UserActor } from "@/server/services/access";
import { ServiceUnavailableError, serviceUnavailableMessage } from "@/server/services/errors";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";

// What the recommendation file routes (import and export) share: the signed-in secretariat
// member of the request, and JSON answers that no cache keeps.

export function noStoreJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The request's secretariat actor, or the answer to send instead: 503 while the database is down, 403 for anyone else. */
export async function secretariatRequest(req: Request): Promise<{ actor: UserActor; requestId: string; locale: Locale } | Response> {
  let context: Awaited<ReturnType<typeof createRequestContext>>;
  try {
    context = await createRequestContext(req);
  } catch (error) {
    // Already logged where the session could not be read.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ServiceUnavailableError) return noStoreJson({ error: { message: serviceUnavailableMessage(cause.requestId) } }, 503);
    throw error;
  }
  const locale = context.locale ?? DEFAULT_LOCALE;
  if (!isSecretariat(context.actor)) return noStoreJson({ error: { message: (await translatorFor(locale, "imports"))("forbidden") } }, 403);
  return { actor: context.actor, requestId: context.requestId, locale };
}
