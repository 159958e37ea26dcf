import { router } from "@/server/api/trpc";

export const recommendationsRouter = router({});
