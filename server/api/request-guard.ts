/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

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
 * Checks an API request before tRPC sees it: state-changing requests must come from this origin
 * (CSRF), and bodies are size-limited. Returns a Response to send instead, or the request to go on
 * with (re-created when its body had to be read to count it).
 */
export async function guardApiRequest(req: Request): Promise<Request | Response> {
  if (req.method !== "POST") return req;

  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host || originHost(origin) !== host) {
    return jsonError(403, "Cross-site requests are not allowed.");
  }

  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    return jsonError(413, `The request is too large (limit ${MAX_BODY_BYTES / 1024} KB).`);
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
      return jsonError(413, `The request is too large (limit ${MAX_BODY_BYTES / 1024} KB).`);
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
