import { redirect } from "next/navigation";
import { getPageActor } from "@/server/auth/page-session";

/** Each role has its home: focal points their State's commitments, the secretariat its review queue. */
export default async function HomePage() {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  redirect(actor.role === "FOCAL_POINT" ? "/commitments" : "/review");
}
