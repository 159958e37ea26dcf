import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZEmail, ZNewPassword } from "@/server/schemas/auth";
import { ZChangePasswordInput, ZCreateUserInput, ZResetPasswordInput, ZRole, ZUpdateUserInput } from "@/server/schemas/users";
import { ROLE_MESSAGE, currentPasswordProblem, emailProblem, newPasswordProblem, userNameProblem } from "@/server/schemas/user-rules";
import { roleAndStateProblems } from "@/components/users/user-form-parts";

// The user and account forms check without zod; the API checks with the zod schemas. Both must
// give the same first message for any value.

function zodProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

const NAMES = ["", "   ", "Anna Muster", "  padded  ", "a\u0000b", "lone \ud800 surrogate", "x".repeat(200), ` ${"x".repeat(200)} `, "x".repeat(201), `${"x".repeat(201)}\u0000`];
const EMAILS = [
  "",
  "   ",
  "focal.at@demo.test",
  "  Focal.AT@Demo.Test  ",
  "o'brien+tag@example.org",
  "first.last@sub.example.co.uk",
  "no-at-sign",
  "two@@example.test",
  "dot.@example.test",
  ".dot@example.test",
  "double..dot@example.test",
  "user@localhost",
  "user@example.t",
  "user@-example.test",
  "user@exa_mple.test",
  "üser@example.test",
  "user@example.test\u0000",
  `${"a".repeat(64)}@${"b".repeat(180)}.test`,
  `${"a".repeat(64)}@${"b".repeat(185)}.test`,
  ` ${"a".repeat(64)}@${"b".repeat(184)}.test `,
];
const PASSWORDS = ["", "short", "1234567", "12345678", "demo-password-2017", "pass\u0000word", "x".repeat(128), "x".repeat(129), `${"x".repeat(129)}\u0000`, "        ", "lone \ud800 surrogate", "x".repeat(512), "x".repeat(513)];

describe("the user forms' checks and the API's schemas agree", () => {
  it.each(NAMES.map((name) => [JSON.stringify(name.slice(0, 20)), name.length, name] as const))("name %s (%i characters)", (_name, _length, name) => {
    expect(userNameProblem(name)).toBe(zodProblem(ZCreateUserInput.shape.name, name));
    expect(userNameProblem(name)).toBe(zodProblem(ZUpdateUserInput.shape.name, name));
  });

  it.each(EMAILS.map((email) => [JSON.stringify(email.slice(0, 30)), email.length, email] as const))("email %s (%i characters)", (_name, _length, email) => {
    expect(emailProblem(email)).toBe(zodProblem(ZEmail, email));
    expect(emailProblem(email)).toBe(zodProblem(ZCreateUserInput.shape.email, email));
  });

  it.each(PASSWORDS.map((password) => [JSON.stringify(password.slice(0, 20)), password.length, password] as const))("password %s (%i characters)", (_name, _length, password) => {
    expect(newPasswordProblem(password)).toBe(zodProblem(ZNewPassword, password));
    expect(newPasswordProblem(password)).toBe(zodProblem(ZResetPasswordInput.shape.newPassword, password));
    expect(newPasswordProblem(password)).toBe(zodProblem(ZChangePasswordInput.shape.newPassword, password));
    expect(currentPasswordProblem(password)).toBe(zodProblem(ZChangePasswordInput.shape.currentPassword, password));
  });

  it.each(["", "FOCAL_POINT", "ANALYST", "ADMIN", "OWNER", "admin"])("role %j", (role) => {
    const clientProblem = roleAndStateProblems({ role, stateId: "0195b0a0-0000-7000-8000-000000000000" }).role ?? null;
    expect(clientProblem).toBe(zodProblem(ZRole, role));
    if (clientProblem) expect(clientProblem).toBe(ROLE_MESSAGE);
  });
});
