// `npm run db:seed`: reference data and the demo data (accounts, the 2017 Alliance source),
// idempotent. Uses DATABASE_URL when set, else the embedded PostgreSQL under .data/.
import { withReadyDatabase } from "@/server/cli/database";
import { runCli } from "@/server/cli/user-facing-error";

runCli(() =>
  withReadyDatabase(async (db) => {
    const { seedDemoData } = await import("@/server/cli/seed/demo-data");
    await seedDemoData(db);
    await db.appSetting.upsert({
      where: { key: "demo_seeded_at" },
      create: { key: "demo_seeded_at", value: new Date().toISOString() },
      update: {},
    });
    console.log("Seeded: States, themes, the default status scale, the demo accounts, the 2017 Alliance source with its demo history, and a demo UPR list.");
  }),
);
