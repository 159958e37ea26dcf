import "server-only";
import { errorText } from "@/server/i18n/server-messages";
import { chooseLocale } from "@/server/i18n/negotiate";
import { LOCALE_COOKIE, type Locale } from "@/server/shared/locales";

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Procedures one tRPC request may batch. */
export const MAX_BATCH_SIZE = 20;
/**
 * The reports cost up to seconds each at OSCE scale (the trend about 5 s), so one request asks for
 * at most this many of them: a single GET cannot make the server compute twenty. The app's pages
 * compute their report on the server and never batch reports.
 */
export const MAX_REPORTS_PER_REQUEST = 1;
const EXPENSIVE_PREFIX = "reports.";

/** The reader's language before any session is read: the locale cookie, else Accept-Language. */
function requestLocale(req: Request): Locale {
  const cookie = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return chooseLocale({ profile: null, cookie, acceptLanguage: req.headers.get("accept-language") });
}

function jsonError(status: number, message: string) {
  return new Response(JSON.stringify({ error: { message } }), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Checks an API request before tRPC sees it: batches are bounded (in size and in reports),
 * state-changing requests must come from this origin (CSRF), and bodies are size-limited. Returns a Response to send instead, or the request to go on
 * with (re-created when its body had to be read to count it).
 */
export async function guardApiRequest(req: Request): Promise<Request | Response> {
  const batchRefusal = checkBatch(req);
  if (batchRefusal) return batchRefusal;
  if (req.method !== "POST") return req;

  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host || originHost(origin) !== host) {
    return jsonError(403, errorText("request.crossSite", undefined, requestLocale(req)));
  }

  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    return jsonError(413, errorText("request.tooLarge", { kilobytes: MAX_BODY_BYTES / 1024 }, requestLocale(req)));
  }
  if (!req.body) return req;

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      return jsonError(413, errorText("request.tooLarge", { kilobytes: MAX_BODY_BYTES / 1024 }, requestLocale(req)));
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}

/** The procedures named by a tRPC URL (`/api/trpc/a.b,c.d`), as tRPC itself reads them. */
function procedureNames(req: Request): string[] {
  const path = new URL(req.url).pathname.replace(/^.*?\/api\/trpc\/?/, "");
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // tRPC refuses a malformed path itself
  }
  return decoded.split(",");
}

function checkBatch(req: Request): Response | null {
  const names = procedureNames(req);
  if (names.length > MAX_BATCH_SIZE) return jsonError(400, errorText("request.tooManyProcedures", { max: MAX_BATCH_SIZE }, requestLocale(req)));
  const reports = names.filter((name) => name.trim().startsWith(EXPENSIVE_PREFIX)).length;
  if (reports > MAX_REPORTS_PER_REQUEST) return jsonError(400, errorText("request.oneReport", undefined, requestLocale(req)));
  return null;
}
