import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { readSessionToken } from "@/server/auth/session-token";
import { loadActor } from "@/server/auth/session";
import type { UserActor } from "@/server/services/access";

/** The signed-in user of the page being rendered, re-read from the database, or null. */
export async function getPageActor(): Promise<UserActor | null> {
  const headerList = await headers();
  const cookieStore = await cookies();
  const token = await readSessionToken({ headers: Object.fromEntries(headerList), cookies: cookieStore } as never);
  return loadActor(token, headerList.get("x-request-id"));
}

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
