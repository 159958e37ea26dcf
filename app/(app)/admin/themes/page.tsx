import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { ThemesAdmin } from "@/components/settings/themes-admin";
import "@/app/settings.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.themes"))("title") };
}

export default async function ThemesPage() {
  await requireAdminPage("/admin/themes");
  const caller = await getServerCaller();
  return <ThemesAdmin initialThemes={await caller.themes.list()} />;
}
