import "server-only";
// What pages (and the root layout) read outside the tRPC procedures: reference data that needs no
// actor, and what the layout shows about the session. Pages read everything else through the
// server caller (server-caller.ts); neither pages nor components import server/services or
// server/db (eslint.config.mjs). A database outage here sends the page to the 503 page.
import { getPageActor, pageRead, requirePageActor } from "@/server/auth/page-session";
import { describeActor, type ActorSummary } from "@/server/services/account";
import { demoAccountsWithPublishedPassword } from "@/server/services/demo-accounts";
import { listStatesForFilter } from "@/server/services/states";
import { pageLocale } from "@/server/i18n/request-locale";

/** All States for filter controls (public reference data). */
export async function loadStatesForFilter() {
  return pageRead(listStatesForFilter(await pageLocale()));
}

/** Who is signed in, for the header on every page; null for a visitor. */
export async function loadSignedInUser(): Promise<ActorSummary | null> {
  return describeActor((await getPageActor()) ?? { kind: "public", requestId: null });
}

/** The account page's user (signed in, or sent to sign in). */
export async function loadAccount(pathname: string): Promise<ActorSummary> {
  return describeActor(await requirePageActor(pathname))!;
}

/**
 * Whether a demo account still has the published password (the banner on every page says so).
 * One small indexed query per request; an outage hides the banner rather than the page.
 */
export async function loadDemoDataExposed(): Promise<boolean> {
  const exposed = await demoAccountsWithPublishedPassword().catch(() => []);
  return exposed.length > 0;
}
