import "server-only";
import { db as defaultDb } from "@/server/db/client";

export type Health = { status: "ok" | "unavailable"; database: "up" | "down" };

/** Answers within a few seconds whether PostgreSQL responds; never throws. */
export async function checkDatabaseHealth(timeoutMs = 3000, db: Pick<typeof defaultDb, "$queryRaw"> = defaultDb): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "up" };
  } catch {
    return { status: "unavailable", database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
