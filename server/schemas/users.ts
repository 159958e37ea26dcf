import * as z from "zod/mini";
import { Role } from "@/prisma/generated/enums";
import { PASSWORD_INPUT_MAX } from "@/server/shared/password-policy";
import { ZEmail, ZNewPassword } from "@/server/schemas/auth";
import { zId, zRequiredText, zText } from "@/server/schemas/common";
import { USER_NAME_MAX } from "@/server/schemas/limits";
import { validationMessage as message } from "@/server/shared/message-keys";

export const USER_LIST_MAX_LIMIT = 100;

export const ROLE_MESSAGE = message("users.chooseRole");
export { FOCAL_POINT_STATE_MESSAGE } from "@/server/schemas/limits";
export const currentPasswordMessages = {
  required: message("password.currentRequired"),
  tooLong: message("password.currentTooLong"),
};

export const ZRole = z.enum(Role, { error: ROLE_MESSAGE });

const zUserName = zRequiredText(USER_NAME_MAX, "name");

/**
 * The `updatedAt` the client read, sent back with an edit: the User table has no version column,
 * so its last-change time serves as the optimistic concurrency token.
 */
const zExpectedUpdatedAt = z.iso.datetime({ offset: true, error: message("formats.timestamp") });

export const ZListUsersInput = z.strictObject({
  role: z.optional(ZRole),
  stateId: z.optional(zId),
  active: z.optional(z.boolean()),
  /** Matched literally (no wildcards) against name and email, ignoring case. */
  search: z.optional(zText(200, "search").check(z.trim())),
  limit: z._default(z.int().check(z.gte(1), z.lte(USER_LIST_MAX_LIMIT)), 50),
  /** The id of the last user of the previous page. */
  cursor: z.optional(zId),
});
export type TListUsersInput = z.infer<typeof ZListUsersInput>;

export const ZGetUserInput = z.strictObject({ id: zId });
export type TGetUserInput = z.infer<typeof ZGetUserInput>;

export const ZCreateUserInput = z.strictObject({
  name: zUserName,
  email: ZEmail,
  role: ZRole,
  /** Required for a focal point, absent or null for secretariat staff. */
  stateId: z.optional(z.nullable(zId)),
  password: ZNewPassword,
  /** Admin-created accounts must choose their own password at first sign-in unless told otherwise. */
  mustChangePassword: z._default(z.boolean(), true),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.strictObject({
  id: zId,
  expectedUpdatedAt: zExpectedUpdatedAt,
  name: z.optional(zUserName),
  role: z.optional(ZRole),
  /** Omitted: kept for a focal point, cleared when the role is no longer focal point. */
  stateId: z.optional(z.nullable(zId)),
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
  currentPassword: z.string().check(z.minLength(1, currentPasswordMessages.required), z.maxLength(PASSWORD_INPUT_MAX, currentPasswordMessages.tooLong)),
  newPassword: ZNewPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** No fields; strict so that smuggled keys are refused rather than ignored. */
export const ZSignOutEverywhereInput = z.optional(z.strictObject({}));
