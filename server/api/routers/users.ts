import "server-only";
import { adminProcedure, router } from "@/server/api/trpc";
import {
  ZCreateUserInput,
  ZGetUserInput,
  ZListUsersInput,
  ZResetPasswordInput,
  ZSetUserActiveInput,
  ZUpdateUserInput,
} from "@/server/schemas/users";
import { createUser, getUser, listUsers, resetUserPassword, setUserActive, updateUser } from "@/server/services/users";

export const usersRouter = router({
  list: adminProcedure.input(ZListUsersInput).query(({ ctx, input }) => listUsers(ctx.actor, input)),
  get: adminProcedure.input(ZGetUserInput).query(({ ctx, input }) => getUser(ctx.actor, input)),
  create: adminProcedure.input(ZCreateUserInput).mutation(({ ctx, input }) => createUser(ctx.actor, input)),
  update: adminProcedure.input(ZUpdateUserInput).mutation(({ ctx, input }) => updateUser(ctx.actor, input)),
  setActive: adminProcedure.input(ZSetUserActiveInput).mutation(({ ctx, input }) => setUserActive(ctx.actor, input)),
  resetPassword: adminProcedure.input(ZResetPasswordInput).mutation(({ ctx, input }) => resetUserPassword(ctx.actor, input)),
});
