import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate, clientAddress } from "@/server/auth/authenticate";
import { SESSION_IDLE_SECONDS } from "@/server/auth/session-config";
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
        const user = await authenticate(
          { email: credentials?.email ?? "", password: credentials?.password ?? "" },
          clientAddress(req.headers),
        );
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion: number };
        return {
          sub: signedIn.id,
          uid: signedIn.id,
          sv: signedIn.sessionVersion,
          authTime: Math.floor(Date.now() / 1000),
        };
      }
      return token;
    },
    session({ session, token }) {
      // The browser only needs to know that someone is signed in; pages read the rest on the server.
      return { expires: session.expires, user: { id: token.uid as string } } as typeof session;
    },
  },
};
