import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { ThemesAdmin } from "@/components/settings/themes-admin";
import { settingsMetadata } from "@/components/settings/settings-metadata";
import "@/app/settings.css";

export const generateMetadata = settingsMetadata("themes");

export default async function ThemesPage() {
  await requireAdminPage("/admin/themes");
  const caller = await getServerCaller();
  return <ThemesAdmin initialThemes={await caller.themes.list()} />;
}
