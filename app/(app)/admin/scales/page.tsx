import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { ScalesList } from "@/components/settings/scales-list";
import { settingsMetadata } from "@/components/settings/settings-metadata";
import "@/app/settings.css";

export const generateMetadata = settingsMetadata("scales");

export default async function ScalesPage() {
  await requireAdminPage("/admin/scales");
  const caller = await getServerCaller();
  return <ScalesList scales={await caller.scales.list()} />;
}
