// What `npm start` does to a database before it serves (server/cli/start.ts): apply the
// migrations, then create the reference data (and the demo data with --demo). Tests run it in
// several processes at once against one DATABASE_URL, as several app instances starting together.
import { migrateDatabase } from "@/server/cli/database";
import { runCli, UserFacingError } from "@/server/cli/user-facing-error";

runCli(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UserFacingError("DATABASE_URL is required.");
  await migrateDatabase(url);
  const { seedIfNeeded } = await import("@/server/cli/seeding");
  const { closeDatabase } = await import("@/server/db/client");
  try {
    const { demoSeeded } = await seedIfNeeded({ demo: process.argv.includes("--demo") });
    console.log(demoSeeded ? "ready, demo data created" : "ready");
  } finally {
    await closeDatabase();
  }
});
