import { router } from "@/server/api/trpc";

export const sourcesRouter = router({});
