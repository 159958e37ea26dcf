// `npm run user:create -- --email a@b.org --role FOCAL_POINT --state AT --name "A B"`
// Creates a real account. The password is read from USER_PASSWORD, or asked for (not echoed).
import { systemActor } from "@/server/services/core/system-actor";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withReadyDatabase } from "@/server/cli/database";
import { UserFacingError, runCli } from "@/server/cli/user-facing-error";
import { ZEmail, ZNewPassword } from "@/server/schemas/auth";
import { validationText } from "@/server/i18n/server-messages";

const ZArgs = z.object({
  email: ZEmail,
  role: z.enum(["ADMIN", "ANALYST", "FOCAL_POINT"], { error: "--role must be ADMIN, ANALYST or FOCAL_POINT" }),
  state: z.string().trim().toUpperCase().length(2, "--state must be an ISO alpha-2 code such as AT").optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let prompted = false;
    output._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stdout.write(text);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, state: { type: "string" }, name: { type: "string" } },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) throw new UserFacingError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${validationText(issue.message)}`).join("; "));
  const input = parsed.data;
  if (input.role === "FOCAL_POINT" && !input.state) throw new UserFacingError("A focal point needs --state (ISO alpha-2 code of their State).");
  if (input.role !== "FOCAL_POINT" && input.state) throw new UserFacingError("Only focal points are bound to a State; leave out --state.");

  let password = process.env.USER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new UserFacingError("Set USER_PASSWORD, or run in a terminal to be asked for the password.");
    password = await askHidden("Password for the new account: ");
  }
  const checkedPassword = ZNewPassword.safeParse(password);
  if (!checkedPassword.success) throw new UserFacingError(validationText(checkedPassword.error.issues[0]!.message));

  await withReadyDatabase(async () => {
    const { createUser } = await import("@/server/services/users");
    const user = await createUser(systemActor("user:create"), {
      email: input.email,
      name: input.name ?? input.email,
      role: input.role,
      stateIso2: input.state ?? null,
      password: checkedPassword.data,
    });
    console.log(`Created ${user.role} ${user.email}${input.state ? ` for ${input.state}` : ""}.`);
  });
});
