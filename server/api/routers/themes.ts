import "server-only";
import { wire } from "@/server/api/wire";
import { adminProcedure, router } from "@/server/api/trpc";
import { ZCreateThemeByLabelInput, ZMergeThemeInput, ZRenameThemeInput } from "@/server/schemas/themes";
import { createThemeByLabel, listManagedThemes, mergeTheme, renameTheme } from "@/server/services/themes";

/** The administrators' management of themes (everyone reads them through `recommendations.themes`). */
export const themesRouter = router({
  list: adminProcedure.query(({ ctx }) => wire(listManagedThemes(ctx.actor))),
  create: adminProcedure.input(ZCreateThemeByLabelInput).mutation(({ ctx, input }) => wire(createThemeByLabel(ctx.actor, input))),
  rename: adminProcedure.input(ZRenameThemeInput).mutation(({ ctx, input }) => wire(renameTheme(ctx.actor, input))),
  merge: adminProcedure.input(ZMergeThemeInput).mutation(({ ctx, input }) => wire(mergeTheme(ctx.actor, input))),
});
