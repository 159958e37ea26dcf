// `npm run demo:disable`: deactivates the demo accounts that still have the published password
// and gives them a random one, so that the installation may serve the network (HOST=0.0.0.0).
// Uses DATABASE_URL when set, else the embedded PostgreSQL under .data/ (or --data-dir).
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, migrateDatabase, openDatabase } from "@/server/cli/database";
import { runCli } from "@/server/cli/user-facing-error";

runCli(async () => {
  const { values } = parseArgs({ options: { "data-dir": { type: "string" } } });
  const dataDir = path.resolve(values["data-dir"] ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const database = await openDatabase({ dataDir });
  try {
    process.env.DATABASE_URL = database.url;
    await migrateDatabase(database.url);
    const { closeDatabase } = await import("@/server/db/client");
    const { disableDemoAccounts } = await import("@/server/services/demo-accounts");
    const disabled = await disableDemoAccounts();
    console.log(
      disabled.length
        ? `Disabled ${disabled.length} demo accounts (${disabled.join(", ")}): they can no longer sign in. Create your own accounts with npm run user:create (see README).`
        : "No demo account has the published password; nothing to do.",
    );
    await closeDatabase();
  } finally {
    await database.stop();
  }
});
