import { unavailablePageResponse } from "@/server/platform/unavailable-page";

export const dynamic = "force-dynamic";

/** "Service unavailable" (503) for pages that could not reach the database. */
export function GET(req: Request) {
  return unavailablePageResponse(new URL(req.url));
}
