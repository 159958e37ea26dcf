import { z } from "zod";
import { Role } from "@/prisma/generated/enums";
import { ZEmail, ZNewPassword } from "@/server/schemas/auth";
import { zId, zRequiredText, zText } from "@/server/schemas/common";
import { PASSWORD_INPUT_MAX, ROLE_MESSAGE, currentPasswordMessages, USER_NAME_LABEL, USER_NAME_MAX } from "@/server/schemas/user-rules";

// The user administration and account forms check with the zod-free rules of user-rules.ts, from
// which these schemas are built; the forms import only their types.

export const USER_LIST_MAX_LIMIT = 100;

export const ZRole = z.enum(Role, { error: ROLE_MESSAGE });

const zUserName = zRequiredText(USER_NAME_MAX, USER_NAME_LABEL);

/**
 * The `updatedAt` the client read, sent back with an edit: the User table has no version column,
 * so its last-change time serves as the optimistic concurrency token.
 */
const zExpectedUpdatedAt = z.iso.datetime({ offset: true, error: "Not a valid timestamp" });

export const ZListUsersInput = z.strictObject({
  role: ZRole.optional(),
  stateId: zId.optional(),
  active: z.boolean().optional(),
  /** Matched literally (no wildcards) against name and email, ignoring case. */
  search: zText(200, "Search").trim().optional(),
  limit: z.number().int().min(1).max(USER_LIST_MAX_LIMIT).default(50),
  /** The id of the last user of the previous page. */
  cursor: zId.optional(),
});
export type TListUsersInput = z.infer<typeof ZListUsersInput>;

export const ZGetUserInput = z.strictObject({ id: zId });
export type TGetUserInput = z.infer<typeof ZGetUserInput>;

export const ZCreateUserInput = z.strictObject({
  name: zUserName,
  email: ZEmail,
  role: ZRole,
  /** Required for a focal point, absent or null for secretariat staff. */
  stateId: zId.nullable().optional(),
  password: ZNewPassword,
  /** Admin-created accounts must choose their own password at first sign-in unless told otherwise. */
  mustChangePassword: z.boolean().default(true),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.strictObject({
  id: zId,
  expectedUpdatedAt: zExpectedUpdatedAt,
  name: zUserName.optional(),
  role: ZRole.optional(),
  /** Omitted: kept for a focal point, cleared when the role is no longer focal point. */
  stateId: zId.nullable().optional(),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZSetUserActiveInput = z.strictObject({
  id: zId,
  active: z.boolean(),
});
export type TSetUserActiveInput = z.infer<typeof ZSetUserActiveInput>;

export const ZResetPasswordInput = z.strictObject({
  id: zId,
  newPassword: ZNewPassword,
});
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZChangePasswordInput = z.strictObject({
  // Not held to the new-password policy: an old password may predate it. Bounded like sign-in.
  currentPassword: z.string().min(1, currentPasswordMessages.required).max(PASSWORD_INPUT_MAX, currentPasswordMessages.tooLong),
  newPassword: ZNewPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** No fields; strict so that smuggled keys are refused rather than ignored. */
export const ZSignOutEverywhereInput = z.strictObject({}).optional();
