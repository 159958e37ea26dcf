import "server-only";
import { wire } from "@/server/api/wire";
import { authedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { ZSetLanguageInput } from "@/server/schemas/account";
import { ZChangePasswordInput, ZSignOutEverywhereInput } from "@/server/schemas/users";
import { changeOwnPassword, describeActor, ownProfile, setOwnLanguage, signOutEverywhere } from "@/server/services/account";

export const accountRouter = router({
  /** Who is signed in, or null for a public visitor. */
  me: publicProcedure.query(({ ctx }) => wire(describeActor(ctx.actor))),
  /** The signed-in user's profile. */
  profile: authedProcedure.query(({ ctx }) => wire(ownProfile(ctx.actor))),
  /** Ends every session; returns the new sessionVersion so the caller can issue a fresh session. */
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => wire(changeOwnPassword(ctx.actor, input))),
  signOutEverywhere: authedProcedure
    .input(ZSignOutEverywhereInput)
    .mutation(({ ctx }) => wire(signOutEverywhere(ctx.actor))),
  /** Keeps the interface language in the profile (the page sets the cookie too). */
  setLanguage: authedProcedure
    .input(ZSetLanguageInput)
    .mutation(({ ctx, input }) => wire(setOwnLanguage(ctx.actor, input))),
});
