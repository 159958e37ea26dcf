// The one place that reads a session token. Rotation: sessions are signed with NEXTAUTH_SECRET;
// the secrets listed in NEXTAUTH_SECRET_PREVIOUS (comma-separated) still verify, so sessions made
// before a rotation keep working until they expire (and the proxy re-signs them on their next
// request with the current secret). Edge-safe: no database, no Node-only modules.
import "server-only";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** The current secret first, then the previous ones still accepted. */
export function sessionSecrets(): string[] {
  const previous = (process.env.NEXTAUTH_SECRET_PREVIOUS ?? "").split(",").map((secret) => secret.trim());
  return [process.env.NEXTAUTH_SECRET ?? "", ...previous].filter(Boolean);
}

/** next-auth's `jwt.decode`, trying each accepted secret; null when none verifies the token. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const secrets = [...new Set([typeof params.secret === "string" ? params.secret : "", ...sessionSecrets()].filter(Boolean))];
  for (const secret of secrets) {
    try {
      const token = await decode({ ...params, secret });
      if (token) return token;
    } catch {
      // not this secret (or expired): try the next one
    }
  }
  return null;
}

type TokenRequest = Parameters<typeof getToken>[0]["req"];

/** The session token of a request (cookie or bearer header), or null. */
export async function readSessionToken(req: TokenRequest): Promise<JWT | null> {
  return getToken({ req, decode: decodeSessionToken });
}
