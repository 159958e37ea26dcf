import { redirect } from "next/navigation";
import { getPageActor } from "@/server/auth/page-session";

/**
 * Each reader has a home: focal points their State's commitments, the secretariat its review
 * queue, signed-out visitors the public compliance reports.
 */
export default async function HomePage() {
  const actor = await getPageActor();
  if (!actor) redirect("/reports");
  redirect(actor.role === "FOCAL_POINT" ? "/commitments" : "/review");
}
