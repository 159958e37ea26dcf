import "server-only";
import { authedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { ZChangePasswordInput, ZSignOutEverywhereInput } from "@/server/schemas/users";
import { changeOwnPassword, describeActor, ownProfile, signOutEverywhere } from "@/server/services/account";

export const accountRouter = router({
  /** Who is signed in, or null for a public visitor. */
  me: publicProcedure.query(({ ctx }) => describeActor(ctx.actor)),
  /** The signed-in user's profile. */
  profile: authedProcedure.query(({ ctx }) => ownProfile(ctx.actor)),
  /** Ends every session; returns the new sessionVersion so the caller can issue a fresh session. */
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.actor, input)),
  signOutEverywhere: authedProcedure
    .input(ZSignOutEverywhereInput)
    .mutation(({ ctx }) => signOutEverywhere(ctx.actor)),
});
