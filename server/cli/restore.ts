// `npm run db:restore -- FILE [--force]`: restores a backup into an empty database.
import { parseArgs } from "node:util";
import { openMaintenanceDatabase } from "@/server/cli/backup-database";
import { restoreBackup } from "@/server/cli/restore-apply";
import { UserFacingError, runCli } from "@/server/cli/user-facing-error";

const USAGE = "Usage: npm run db:restore -- FILE [--force] [--data-dir FOLDER]";

async function main() {
  let parsed: { values: { force?: boolean; "data-dir"?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" }, "data-dir": { type: "string" } }, allowPositionals: true });
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) throw new UserFacingError(USAGE);
  const database = await openMaintenanceDatabase({ dataDir: parsed.values["data-dir"], create: true });
  try {
    const summary = await restoreBackup(database.url, file, { force: parsed.values.force });
    console.log(
      `Restored ${file} into ${database.description} (PostgreSQL ${summary.postgresVersion}): ${summary.tables} tables, ` +
        `${summary.rows} rows, every table's count and checksum verified. Start the app with npm start.`,
    );
  } finally {
    await database.stop();
  }
}

runCli(main);
