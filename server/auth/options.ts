import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AccountLockedError, authenticate } from "@/server/auth/authenticate";
import { revokeSession } from "@/server/auth/revocation";
import { issueClaims, readClaims } from "@/server/auth/session";
import { SESSION_IDLE_SECONDS } from "@/server/auth/session-config";
import { ACCOUNT_LOCKED_ERROR, SIGN_IN_UNAVAILABLE_ERROR } from "@/server/shared/sign-in-errors";
import { sameOriginPath } from "@/server/shared/callback-path";
import { clientAddress } from "@/server/platform/client-address";
import { describeError, logger } from "@/server/platform/log";
import { isDatabaseUnavailable } from "@/server/services/errors";
import { decodeSessionToken } from "@/server/auth/session-token";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  // New tokens are signed with `secret`; the previous secrets still verify (session-token.ts).
  jwt: { maxAge: SESSION_IDLE_SECONDS, decode: decodeSessionToken },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        // next-auth puts the message of anything thrown here into the redirect URL: only the
        // app's own codes may reach it, never a driver's or the database's text.
        try {
          const user = await authenticate(
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            clientAddress(req.headers),
          );
          return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        } catch (error) {
          if (error instanceof AccountLockedError) throw new Error(ACCOUNT_LOCKED_ERROR);
          if (isDatabaseUnavailable(error)) {
            logger.error({ event: "auth.sign_in_unavailable", error: describeError(error) });
            throw new Error(SIGN_IN_UNAVAILABLE_ERROR);
          }
          logger.error({ event: "auth.sign_in_error", error: describeError(error) });
          return null;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        return issueClaims(user as { id: string; sessionVersion: number });
      }
      return token;
    },
    session({ session, token }) {
      // The browser only needs to know that someone is signed in; pages read the rest on the server.
      return { expires: session.expires, user: { id: token.uid as string } } as typeof session;
    },
    redirect({ url, baseUrl }) {
      // Every redirect next-auth makes (after sign-in, sign-out, errors) stays on this site.
      return `${baseUrl}${sameOriginPath(url, baseUrl) ?? "/"}`;
    },
  },
  events: {
    async signOut({ token }) {
      const claims = readClaims(token);
      if (!claims) return;
      try {
        await revokeSession(claims);
      } catch (error) {
        // The browser's cookie is cleared anyway; the copy stays valid until it expires.
        logger.error({ event: "auth.sign_out_revoke_failed", error: describeError(error) });
      }
    },
  },
};
