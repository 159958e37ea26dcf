import "server-only";
import { wire } from "@/server/api/wire";
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
  list: adminProcedure.input(ZListUsersInput).query(({ ctx, input }) => wire(listUsers(ctx.actor, input))),
  get: adminProcedure.input(ZGetUserInput).query(({ ctx, input }) => wire(getUser(ctx.actor, input))),
  create: adminProcedure.input(ZCreateUserInput).mutation(({ ctx, input }) => wire(createUser(ctx.actor, input))),
  update: adminProcedure.input(ZUpdateUserInput).mutation(({ ctx, input }) => wire(updateUser(ctx.actor, input))),
  setActive: adminProcedure.input(ZSetUserActiveInput).mutation(({ ctx, input }) => wire(setUserActive(ctx.actor, input))),
  resetPassword: adminProcedure.input(ZResetPasswordInput).mutation(({ ctx, input }) => wire(resetUserPassword(ctx.actor, input))),
});
