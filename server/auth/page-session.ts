import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { readSessionToken } from "@/server/auth/session-token";
import { loadActor } from "@/server/auth/session";
import type { UserActor } from "@/server/services/access";
import { isDatabaseUnavailable } from "@/server/services/errors";
import { describeError, logger } from "@/server/platform/log";
import { redirectToUnavailable } from "@/server/platform/unavailable-page";

/** The request id and path of the page being rendered (set by proxy.ts). */
export async function pageRequest(): Promise<{ requestId: string | null; path: string | null }> {
  const headerList = await headers();
  return { requestId: headerList.get("x-request-id"), path: headerList.get("x-request-path") };
}

/** Logs a page's database outage once and sends the page to the 503 page; other errors go on. */
async function unavailableOr(error: unknown): Promise<never> {
  if (!isDatabaseUnavailable(error)) throw error;
  const { requestId, path } = await pageRequest();
  logger.error({ event: "request.database_unavailable", requestId, path, error: describeError(error) });
  redirectToUnavailable(requestId, path);
}

/** A page's own database read (outside the tRPC procedures): an outage gives the 503 page. */
export async function pageRead<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    return unavailableOr(error);
  }
}

/**
 * The signed-in user of the page being rendered, re-read from the database, or null. Read once per
 * rendering (the header and the page share it), so a database outage is logged once per request
 * and the page goes to the 503 page.
 */
export const getPageActor = cache(async (): Promise<UserActor | null> => pageRead(readPageActor()));

/**
 * The same read without the outage handling, for what only prefers the user's data (the page's
 * language falls back to the cookie and the browser): an outage is logged and answered once, by
 * getPageActor, even where Next.js renders the metadata apart from the page.
 */
export const readPageActor = cache(async (): Promise<UserActor | null> => {
  const headerList = await headers();
  const cookieStore = await cookies();
  const token = await readSessionToken({ headers: Object.fromEntries(headerList), cookies: cookieStore } as never);
  const { requestId } = await pageRequest();
  return loadActor(token, requestId);
});

/**
 * For pages that need a session: the actor, or a redirect to sign-in. A user whose password was
 * reset by an administrator must choose a new one before anything else.
 */
export async function requirePageActor(pathname: string): Promise<UserActor> {
  const actor = await getPageActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(pathname)}`);
  if (actor.mustChangePassword && pathname !== "/account") redirect("/account?mustChange=1");
  return actor;
}

/**
 * For pages anyone may open (signed out too): the signed-in user, held to the same rules as on
 * other pages (a reset password is changed first), or null for a visitor.
 */
export async function readerOfPublicPage(pathname: string): Promise<UserActor | null> {
  return (await getPageActor()) ? requirePageActor(pathname) : null;
}

/** For pages of the secretariat (analysts and administrators); others see "not found". */
export async function requireSecretariatPage(pathname: string): Promise<UserActor> {
  const actor = await requirePageActor(pathname);
  if (actor.role === "FOCAL_POINT") notFound();
  return actor;
}

/** For administrators' pages; others see "not found". */
export async function requireAdminPage(pathname: string): Promise<UserActor> {
  const actor = await requirePageActor(pathname);
  if (actor.role !== "ADMIN") notFound();
  return actor;
}
