import "server-only";
import { redirect } from "next/navigation";
import { translatorFor } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";

// Next answers a page whose rendering fails with 500 and gives pages no way to choose another
// status. A page that cannot reach the database therefore redirects to /unavailable, a route
// handler that answers 503 with a clear message, the request's reference and a way back.

const REQUEST_ID = /^[A-Za-z0-9-]{1,100}$/;

/** A same-origin path to go back to, or "/" for anything else (absolute URLs, `//host`, `\`). */
export function safeReturnPath(from: string | null | undefined): string {
  if (!from || !from.startsWith("/") || from.startsWith("//") || /[\\\u0000-\u001f]/.test(from)) return "/";
  try {
    const base = "http://app.invalid";
    const url = new URL(from, base);
    return url.origin === base ? url.pathname + url.search : "/";
  } catch {
    return "/";
  }
}

/** The address of the service-unavailable page for one failed page request. */
export function unavailablePageUrl(requestId: string | null, from: string | null): string {
  const params = new URLSearchParams();
  if (requestId && REQUEST_ID.test(requestId)) params.set("ref", requestId);
  params.set("from", safeReturnPath(from));
  return `/unavailable?${params.toString()}`;
}

/** Ends the rendering of a page that cannot reach the database (the failure is already logged). */
export function redirectToUnavailable(requestId: string | null, from: string | null): never {
  redirect(unavailablePageUrl(requestId, from));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The 503 page in the reader's language (from the cookie or the browser's): no database needed to render it. */
export async function unavailablePageResponse(url: URL, locale: Locale = DEFAULT_LOCALE): Promise<Response> {
  const t = await translatorFor(locale, "layout");
  const ref = url.searchParams.get("ref");
  const reference = ref && REQUEST_ID.test(ref) ? ref : null;
  const back = escapeHtml(safeReturnPath(url.searchParams.get("from")));
  const product = escapeHtml(t("productName"));
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15;url=${back}">
<title>${escapeHtml(t("unavailable.title"))} · ${product}</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1f2b; line-height: 1.5; }
main { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; }
a { color: #0b4f8a; }
.reference { color: #4b5563; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t("unavailable.title"))}</h1>
<p>${escapeHtml(t("unavailable.text", { productName: t("productName") }))}</p>
<p>${t.markup("unavailable.retry", { link: (chunks) => `<a href="${back}">${chunks}</a>` })}</p>
${reference ? `<p class="reference">${t.markup("unavailable.reference", { reference: escapeHtml(reference), code: (chunks) => `<code>${chunks}</code>` })}</p>` : ""}
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": "5" },
  });
}
