import { router } from "@/server/api/trpc";

export const commitmentsRouter = router({});
