import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext, retryAfterOf } from "@/server/api/trpc";
import { MAX_BATCH_SIZE, guardApiRequest } from "@/server/api/request-guard";

async function handler(req: Request) {
  const guarded = await guardApiRequest(req);
  if (guarded instanceof Response) return guarded;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: guarded,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createRequestContext(guarded),
    responseMeta({ errors }) {
      const retryAfter = retryAfterOf(errors);
      return retryAfter === null ? {} : { headers: new Headers({ "retry-after": String(retryAfter) }) };
    },
  });
}

export { handler as GET, handler as POST };
