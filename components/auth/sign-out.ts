// Sign-out without next-auth/react in the browser: next-auth's own endpoint, POSTed by a plain
// HTML form. next-auth protects it with a double-submit CSRF token (a cookie, and the same token
// in the form), which /api/auth/csrf hands out and sets. (Signing in again: sign-in.ts.)

export const SIGN_OUT_ACTION = "/api/auth/signout";

/** The CSRF token for a POST to next-auth's endpoints (it also sets the cookie if missing). */
export async function fetchCsrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`The CSRF token could not be fetched (HTTP ${response.status}).`);
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== "string" || !body.csrfToken) throw new Error("The CSRF token could not be fetched.");
  return body.csrfToken;
}

/**
 * Signs out and goes to `callbackUrl`: a real form POST, so the browser follows next-auth's
 * redirect, which also clears the session cookie, and every page renders signed out.
 */
export async function signOutTo(callbackUrl = "/sign-in") {
  const csrfToken = await fetchCsrfToken();
  const form = document.createElement("form");
  form.method = "post";
  form.action = SIGN_OUT_ACTION;
  form.hidden = true;
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

/**
 * After the server ended every session of this account (sign out everywhere, a change of one's
 * own access): clears this browser's cookie too, and goes to `callbackUrl` even if that fails,
 * since the session is no longer valid anyway.
 */
export async function leaveEndedSession(callbackUrl = "/sign-in") {
  try {
    await signOutTo(callbackUrl);
  } catch {
    window.location.assign(callbackUrl);
  }
}
