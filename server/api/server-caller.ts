import { createCaller } from "@/server/api/root";
import { getPageActor } from "@/server/auth/page-session";

/**
 * A tRPC caller for server components, acting as the user of the page being rendered (or as a
 * public visitor), so pages read through the same procedures and rules as the browser.
 */
export async function getServerCaller() {
  const actor = await getPageActor();
  return createCaller({
    actor: actor ?? { kind: "public", requestId: null },
    requestId: actor?.requestId ?? null,
  });
}
