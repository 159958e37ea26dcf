import { NextResponse, type NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { SESSION_IDLE_SECONDS } from "@/server/auth/session-config";
import { readSessionToken } from "@/server/auth/session-token";
import { renamedQuery } from "@/components/url-params";

// Pages whose filters had other parameter names in shared links (url-params.ts maps them).
const RENAMED_PARAMS_PAGES = /^\/(reports|recommendations\/new)(\/|$)/;

// Pages anyone may open. Everything else needs a session; the pages and procedures check again
// on the server (this redirect is only for comfort).
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/reports(\/|$)/, /^\/sources(\/|$)/, /^\/$/, /^\/unavailable$/];

function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    // React's development build needs eval for its debugging aids; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
    // Inline style attributes (progress bars, chart sizes) are needed; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function sessionCookieName() {
  return process.env.NEXTAUTH_URL?.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}

/** Whether a path's percent-escapes decode to text (not, say, %FF or a lone surrogate's bytes). */
function isDecodable(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Such a path names no page; routing it would fail with a 500 while decoding its parameters.
  if (!isDecodable(pathname)) {
    return new NextResponse("Bad request: the address is malformed.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  // An old shared link: the same page with today's parameter names (permanent: 308).
  if (RENAMED_PARAMS_PAGES.test(pathname)) {
    const query = renamedQuery(request.nextUrl.searchParams);
    if (query !== null) {
      const renamed = request.nextUrl.clone();
      renamed.search = query;
      return NextResponse.redirect(renamed, 308);
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const requestId = crypto.randomUUID();
  const csp = contentSecurityPolicy(nonce);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  // Where a page that cannot reach the database offers to go back to (see unavailable-page.ts).
  requestHeaders.set("x-request-path", pathname + request.nextUrl.search);
  requestHeaders.set("content-security-policy", csp);

  const isApi = pathname.startsWith("/api/");
  const token = await readSessionToken(request);

  if (!isApi && !token && !PUBLIC_PAGES.some((page) => page.test(pathname))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  if (!pathname.startsWith("/_next/static")) response.headers.set("cache-control", "no-store");

  // Sliding idle timeout: each request with a valid session extends it by the idle period.
  const secondsLeft = typeof token?.exp === "number" ? token.exp - Date.now() / 1000 : 0;
  const refreshDue = secondsLeft < SESSION_IDLE_SECONDS - 60;
  if (token && refreshDue && !pathname.startsWith("/api/auth") && process.env.NEXTAUTH_SECRET) {
    const refreshed = await encode({ token, secret: process.env.NEXTAUTH_SECRET, maxAge: SESSION_IDLE_SECONDS });
    response.cookies.set(sessionCookieName(), refreshed, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: sessionCookieName().startsWith("__Secure-"),
      maxAge: SESSION_IDLE_SECONDS,
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
