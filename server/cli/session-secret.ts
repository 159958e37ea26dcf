import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { UserFacingError } from "@/server/cli/user-facing-error";

/**
 * The secret that signs session tokens for the app server `npm start` launches. Never stored in
 * the database, whose dumps travel further than the server's own files: NEXTAUTH_SECRET when set
 * (required with DATABASE_URL, where several instances must share it), else for the embedded
 * database a file in its data folder readable by this user only.
 */
export async function resolveSessionSecret(options: { embedded: boolean; dataDir: string }): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!options.embedded) {
    throw new UserFacingError(
      "NEXTAUTH_SECRET must be set with DATABASE_URL: the same long random value on every app instance (for example the output of `openssl rand -base64 32`).",
    );
  }
  const file = path.join(options.dataDir, "session-secret");
  fs.mkdirSync(options.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A copy restored with a looser mode is tightened again.
  fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new UserFacingError(`The session secret in ${file} is too short. Delete the file to generate a new one (everyone signs in again).`);
  return secret;
}
