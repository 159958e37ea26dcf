import "server-only";
import type { AnyProcedure, inferProcedureOutput } from "@trpc/server";
import type { NonJsonPaths } from "@/server/api/wire";
import { createCallerFactory, router } from "@/server/api/trpc";
import { accountRouter } from "@/server/api/routers/account";
import { commitmentsRouter } from "@/server/api/routers/commitments";
import { recommendationsRouter } from "@/server/api/routers/recommendations";
import { scalesRouter } from "@/server/api/routers/scales";
import { themesRouter } from "@/server/api/routers/themes";
import { sourcesRouter } from "@/server/api/routers/sources";
import { usersRouter } from "@/server/api/routers/users";
import { reportsRouter } from "@/server/api/routers/reports";
import { reviewRouter } from "@/server/api/routers/review";
import { auditRouter } from "@/server/api/routers/audit";

export const appRouter = router({
  account: accountRouter,
  users: usersRouter,
  sources: sourcesRouter,
  scales: scalesRouter,
  themes: themesRouter,
  recommendations: recommendationsRouter,
  commitments: commitmentsRouter,
  review: reviewRouter,
  reports: reportsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

type OutputPaths<R, P extends string = ""> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? NonJsonPaths<inferProcedureOutput<R[K]>, `${P}${K}`> : OutputPaths<R[K], `${P}${K}.`>;
}[keyof R & string];

/**
 * Every procedure answers plain JSON, the same through HTTP and the server caller (wire.ts): a
 * Date, Map, Set or bigint left in an output fails the build here, naming where it is.
 */
export const outputsArePlainJson: [OutputPaths<AppRouter["_def"]["record"]>] extends [never] ? true : OutputPaths<AppRouter["_def"]["record"]> = true;
