// `npm run db:seed`: reference data and the demo data (accounts, the 2017 Alliance source),
// idempotent. Uses DATABASE_URL when set, else the embedded PostgreSQL under .data/.
import { migrateDatabase, openDatabase } from "@/server/cli/database";
import { runCli } from "@/server/cli/user-facing-error";

runCli(async () => {
  const database = await openDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    const { db, closeDatabase } = await import("@/server/db/client");
    const { seedReferenceData } = await import("@/server/cli/seed/reference-data");
    const { seedDemoData } = await import("@/server/cli/seed/demo-data");
    await seedReferenceData(db);
    await seedDemoData(db);
    await db.appSetting.upsert({
      where: { key: "demo_seeded_at" },
      create: { key: "demo_seeded_at", value: new Date().toISOString() },
      update: {},
    });
    console.log("Seeded: States, themes, the default status scale, the 2017 Alliance source and the demo accounts.");
    await closeDatabase();
  } finally {
    await database.stop();
  }
});
