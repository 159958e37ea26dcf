// `npm run db:backup -- --out FILE`: a consistent backup of the app's database while it runs.
import { parseArgs } from "node:util";
import { openMaintenanceDatabase } from "@/server/cli/backup-database";
import { createBackup } from "@/server/cli/backup-create";
import { UserFacingError, runCli } from "@/server/cli/user-facing-error";

const USAGE = "Usage: npm run db:backup -- --out FILE [--data-dir FOLDER]";

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  let values: { out?: string; "data-dir"?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" }, "data-dir": { type: "string" } } }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.out) throw new UserFacingError(USAGE);
  const database = await openMaintenanceDatabase({ dataDir: values["data-dir"], create: false });
  try {
    const { file, manifest, bytes } = await createBackup(database.url, values.out);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Backup of ${database.description} written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ` +
        `migration ${manifest.migrations.at(-1)}, PostgreSQL ${manifest.postgres.version}, ${size(bytes)}.`,
    );
  } finally {
    await database.stop();
  }
}

runCli(main);
