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
  const refusal = crossSiteRefusal(req);
  if (refusal) return refusal;
  const body = await readBodyWithin(req, MAX_BODY_BYTES);
  if (body instanceof Response) return body;
  if (body === null) return req;
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}

/** A state-changing request from another site (CSRF) is refused: its Origin must be this host. */
export function crossSiteRefusal(req: Request): Response | null {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host || originHost(origin) !== host) {
    return jsonError(403, errorText("request.crossSite", undefined, requestLocale(req)));
  }
  return null;
}

/** A request's body, read up to `maxBytes` (413 past it, declared or counted); null without a body. */
export async function readBodyWithin(req: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | Response | null> {
  const tooLarge = () => jsonError(413, errorText("request.tooLarge", { kilobytes: Math.floor(maxBytes / 1024) }, requestLocale(req)));
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  if (!req.body) return null;

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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
