import { router } from "@/server/api/trpc";

export const scalesRouter = router({});
