import { router } from "@/server/api/trpc";

export const usersRouter = router({});
