import crypto from "node:crypto";

/** The secret that signs session tokens for the app server `npm start` launches. */
export async function resolveSessionSecret(_options: { embedded: boolean; dataDir: string }): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Kept in PostgreSQL so that every app instance on the same database signs sessions alike.
  const { db } = await import("@/server/db/client");
  const existing = await db.appSetting.findUnique({ where: { key: "session_secret" } });
  if (existing) return existing.value;
  const value = crypto.randomBytes(32).toString("base64url");
  await db.appSetting.createMany({ data: [{ key: "session_secret", value }], skipDuplicates: true });
  return (await db.appSetting.findUniqueOrThrow({ where: { key: "session_secret" } })).value;
}
