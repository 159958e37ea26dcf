import net from "node:net";
import { UserFacingError } from "@/server/cli/user-facing-error";

/** Where the app server listens: this machine only unless HOST says otherwise (HOST=0.0.0.0). */
export function serveHost(): string {
  return process.env.HOST?.trim() || "127.0.0.1";
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  return net.isIPv4(bare) && bare.startsWith("127.");
}

/**
 * Refuses to serve the network while a demo account still has the password the README
 * publishes: anyone who can reach the server could sign in as its administrator.
 */
export async function assertSafeToServe(host: string): Promise<void> {
  if (isLoopbackHost(host)) return;
  const { demoAccountsWithPublishedPassword } = await import("@/server/services/demo-accounts");
  const exposed = await demoAccountsWithPublishedPassword();
  if (exposed.length === 0) return;
  throw new UserFacingError(
    `Refusing to serve on ${host}: ${exposed.length} demo accounts still have the published password. ` +
      "Disable them with `npm run demo:disable` (create your own administrator first: npm run user:create -- --email you@example.org --role ADMIN), or leave HOST unset to serve this machine only.",
  );
}
