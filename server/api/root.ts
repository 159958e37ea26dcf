import "server-only";
import { createCallerFactory, router } from "@/server/api/trpc";
import { accountRouter } from "@/server/api/routers/account";
import { commitmentsRouter } from "@/server/api/routers/commitments";
import { recommendationsRouter } from "@/server/api/routers/recommendations";
import { scalesRouter } from "@/server/api/routers/scales";
import { sourcesRouter } from "@/server/api/routers/sources";
import { usersRouter } from "@/server/api/routers/users";
import { reportsRouter } from "@/server/api/routers/reports";
import { reviewRouter } from "@/server/api/routers/review";

export const appRouter = router({
  account: accountRouter,
  users: usersRouter,
  sources: sourcesRouter,
  scales: scalesRouter,
  recommendations: recommendationsRouter,
  commitments: commitmentsRouter,
  review: reviewRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
