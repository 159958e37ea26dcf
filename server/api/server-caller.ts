import "server-only";
import { redirect } from "next/navigation";
import { createCaller } from "@/server/api/root";
import { getPageActor, pageRequest } from "@/server/auth/page-session";
import { redirectToUnavailable } from "@/server/platform/unavailable-page";
import { pageLocale } from "@/server/i18n/request-locale";

/**
 * A tRPC caller for server components, acting as the user of the page being rendered (or as a
 * public visitor), so pages read through the same procedures and rules as the browser. A
 * procedure that cannot reach the database (logged by the error mapping) sends the page to the
 * 503 page.
 */
export async function getServerCaller() {
  const actor = await getPageActor();
  // The API refuses such a user everything but their account; every page sends them there.
  if (actor?.mustChangePassword) redirect("/account?mustChange=1");
  const [{ requestId, path }, locale] = await Promise.all([pageRequest(), pageLocale()]);
  return createCaller(
    { actor: actor ?? { kind: "public", requestId }, requestId, locale },
    {
      onError: ({ error }) => {
        if (error.code === "SERVICE_UNAVAILABLE") redirectToUnavailable(requestId, path);
      },
    },
  );
}

/**
 * The result of a server-side call, or null when the procedure answered NOT_FOUND (missing, or
 * out of the reader's scope: the page then shows "not found"). Other errors propagate.
 */
export async function nullIfNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
