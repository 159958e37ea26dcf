import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/server/auth/page-session";
import { ScaleForm } from "@/components/settings/scale-form";
import "@/app/settings.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.scale"))("newTitle") };
}

export default async function NewScalePage() {
  await requireAdminPage("/admin/scales/new");
  const t = await getTranslations("settings.scale");
  return (
    <section className="stack">
      <p>
        <Link href="/admin/scales">{t("back")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <ScaleForm scale={null} />
    </section>
  );
}
