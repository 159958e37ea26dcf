// Drives next-auth's own request handler (what app/api/auth/[...nextauth] runs) with the app's
// options, as a browser would: the CSRF token first, then the credentials callback or sign-out.
// It goes through next-auth's public API-route form, `NextAuth(req, res, options)`, which needs
// no Next.js request scope.
import NextAuth, { type NextAuthOptions } from "next-auth";
import { decode, type JWT } from "next-auth/jwt";

export const TEST_ORIGIN = "http://localhost:3120";
export const TEST_SECRET = "test-secret-for-next-auth-in-vitest-0123456789";
const SESSION_COOKIE = "next-auth.session-token";
const CSRF_COOKIE = "next-auth.csrf-token";

type Answer = { status: number; location: string | null; cookies: Map<string, string>; body: unknown };

async function options(): Promise<NextAuthOptions> {
  process.env.NEXTAUTH_URL ??= TEST_ORIGIN;
  const { authOptions } = await import("@/server/auth/options");
  return { ...authOptions, secret: TEST_SECRET };
}

async function call(request: {
  path: string[];
  method: "GET" | "POST";
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  body?: Record<string, string>;
}): Promise<Answer> {
  const answer: Answer = { status: 200, location: null, cookies: new Map(), body: undefined };
  const headers = new Map<string, unknown>();
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), value);
      if (name.toLowerCase() === "location") answer.location = String(value);
      return res;
    },
    end: () => undefined,
    json: (body: unknown) => void (answer.body = body),
    send: (body: unknown) => void (answer.body = body),
  };
  const req = {
    query: { nextauth: request.path },
    method: request.method,
    headers: { host: new URL(TEST_ORIGIN).host, ...request.headers },
    cookies: request.cookies ?? {},
    body: request.body ?? {},
  };
  await NextAuth(req as never, res as never, await options());
  const setCookies = (headers.get("set-cookie") as string[] | undefined) ?? [];
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    answer.cookies.set(pair!.slice(0, index), decodeURIComponent(pair!.slice(index + 1)));
  }
  if (answer.location === null && answer.body && typeof (answer.body as { url?: unknown }).url === "string") {
    answer.location = (answer.body as { url: string }).url;
  }
  return answer;
}

async function csrf(headers: Record<string, string>) {
  const answer = await call({ path: ["csrf"], method: "GET", headers });
  return { token: (answer.body as { csrfToken: string }).csrfToken, cookie: answer.cookies.get(CSRF_COOKIE)! };
}

export type SignInAnswer = { redirect: string; error: string | null; sessionToken: string | null };

/** POSTs the sign-in form to the credentials callback; answers where next-auth redirects, and the session cookie. */
export async function signInThroughNextAuth(input: {
  email: string;
  password: string;
  callbackUrl?: string;
  headers?: Record<string, string>;
}): Promise<SignInAnswer> {
  const headers = input.headers ?? {};
  const { token, cookie } = await csrf(headers);
  const answer = await call({
    path: ["callback", "credentials"],
    method: "POST",
    headers,
    cookies: { [CSRF_COOKIE]: cookie },
    body: { email: input.email, password: input.password, csrfToken: token, ...(input.callbackUrl !== undefined ? { callbackUrl: input.callbackUrl } : {}) },
  });
  const redirect = answer.location ?? "";
  return {
    redirect,
    error: redirect ? new URL(redirect, TEST_ORIGIN).searchParams.get("error") : null,
    sessionToken: answer.cookies.get(SESSION_COOKIE) || null,
  };
}

/** Signs out with this session cookie, as the "Sign out" button does; answers the redirect. */
export async function signOutThroughNextAuth(sessionToken: string, callbackUrl = "/sign-in"): Promise<string> {
  const { token, cookie } = await csrf({});
  const answer = await call({
    path: ["signout"],
    method: "POST",
    cookies: { [CSRF_COOKIE]: cookie, [SESSION_COOKIE]: sessionToken },
    body: { csrfToken: token, callbackUrl },
  });
  return answer.location ?? "";
}

/** The claims of a session cookie, as the app's request handlers read them. */
export async function claimsOf(sessionToken: string): Promise<JWT | null> {
  return decode({ token: sessionToken, secret: TEST_SECRET });
}
