import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { getServerCaller } from "@/server/api/server-caller";
import { ScalesList } from "@/components/settings/scales-list";
import "@/app/settings.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.scales"))("title") };
}

export default async function ScalesPage() {
  await requireAdminPage("/admin/scales");
  const caller = await getServerCaller();
  return <ScalesList scales={await caller.scales.list()} />;
}
