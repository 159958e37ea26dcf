import { db } from "@/server/db/client";
import { seedDemoData, seedReferenceData } from "@/server/db/seed";

const DEMO_MARKER = "demo_seeded_at";

/**
 * Reference data is created when missing; demo data only once per database (a marker row says it
 * was done), so restarts never write over what people changed.
 */
export async function seedIfNeeded(options: { demo: boolean }): Promise<{ demoSeeded: boolean }> {
  await seedReferenceData(db);
  if (!options.demo) return { demoSeeded: false };
  const marker = await db.appSetting.findUnique({ where: { key: DEMO_MARKER } });
  if (marker) return { demoSeeded: false };
  await seedDemoData(db);
  await db.appSetting.create({ data: { key: DEMO_MARKER, value: new Date().toISOString() } });
  return { demoSeeded: true };
}
