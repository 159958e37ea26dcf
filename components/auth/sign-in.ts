import { fetchCsrfToken } from "@/components/auth/sign-out";

// Sign-in with email and password without next-auth/react in the browser: the request its
// signIn("credentials", { redirect: false }) sends, to next-auth's credentials callback with the
// CSRF token from /api/auth/csrf. With `json`, next-auth answers with the URL it would redirect
// to instead of redirecting; a refusal names its error code in that URL (`?error=...`). On
// success the response sets the session cookie.

export const CREDENTIALS_CALLBACK = "/api/auth/callback/credentials";

/** Signs in; resolves to null when signed in, or to next-auth's error code. Throws when unreachable. */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const csrfToken = await fetchCsrfToken();
  const response = await fetch(CREDENTIALS_CALLBACK, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: window.location.href, json: "true" }),
    credentials: "same-origin",
    cache: "no-store",
  });
  const body = (await response.json().catch(() => null)) as { url?: unknown } | null;
  if (typeof body?.url !== "string") throw new Error(`Sign-in did not answer as expected (HTTP ${response.status}).`);
  const error = new URL(body.url, window.location.href).searchParams.get("error");
  if (error) return error;
  return response.ok ? null : `HTTP ${response.status}`;
}
