import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { ScalePage } from "@/components/settings/scale-page";
import "@/app/settings.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.scale"))("newTitle") };
}

export default async function NewScalePage() {
  await requireAdminPage("/admin/scales/new");
  const t = await getTranslations("settings.scale");
  return <ScalePage title={t("newTitle")} scale={null} />;
}
