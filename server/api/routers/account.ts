import { authedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { describeActor } from "@/server/services/account";

export const accountRouter = router({
  /** Who is signed in, or null for a public visitor. */
  me: publicProcedure.query(({ ctx }) => describeActor(ctx.actor)),
  /** The signed-in user's profile. */
  profile: authedProcedure.query(({ ctx }) => describeActor(ctx.actor)),
});
