import * as z from "zod/mini";
import { versionedId, zId, zRequiredText, zVersion } from "@/server/schemas/common";
import { THEME_LABEL_MAX } from "@/server/schemas/limits";

// The administrators' management of themes: a theme is named by its label; its key (kept in
// filters and links) is made from the first label and never changes.

export { THEME_LABEL_MAX };

export const ZCreateThemeByLabelInput = z.strictObject({
  label: zRequiredText(THEME_LABEL_MAX, "label"),
});
export type TCreateThemeByLabelInput = z.infer<typeof ZCreateThemeByLabelInput>;

/** `expectedVersion` is the version the editor read: a stale rename is refused. */
export const ZRenameThemeInput = z.strictObject({
  ...versionedId,
  label: zRequiredText(THEME_LABEL_MAX, "label"),
});
export type TRenameThemeInput = z.infer<typeof ZRenameThemeInput>;

/** Merges the theme `id` into `intoId`: its recommendations move to `intoId`, then it is deleted. */
export const ZMergeThemeInput = z.strictObject({
  ...versionedId,
  intoId: zId,
  intoExpectedVersion: zVersion,
});
export type TMergeThemeInput = z.infer<typeof ZMergeThemeInput>;
