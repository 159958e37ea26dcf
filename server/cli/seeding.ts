import { withStartupLock } from "@/server/cli/database";
import { db } from "@/server/db/client";
import { seedReferenceData } from "@/server/cli/seed/reference-data";
import { seedDemoData } from "@/server/cli/seed/demo-data";

const DEMO_MARKER = "demo_seeded_at";

/**
 * Reference data is created when missing; demo data only once per database (a marker row says it
 * was done), so restarts never write over what people changed. Instances starting together take
 * turns (the check-then-create steps would race).
 */
export async function seedIfNeeded(options: { demo: boolean }): Promise<{ demoSeeded: boolean }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be set before seeding.");
  return withStartupLock(url, () => seed(options));
}

async function seed(options: { demo: boolean }): Promise<{ demoSeeded: boolean }> {
  await seedReferenceData(db);
  if (!options.demo) return { demoSeeded: false };
  const marker = await db.appSetting.findUnique({ where: { key: DEMO_MARKER } });
  if (marker) return { demoSeeded: false };
  await seedDemoData(db);
  await db.appSetting.create({ data: { key: DEMO_MARKER, value: new Date().toISOString() } });
  return { demoSeeded: true };
}
