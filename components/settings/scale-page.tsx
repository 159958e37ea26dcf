import Link from "next/link";
import { useTranslations } from "next-intl";
import { ScaleForm, type ScaleDetail } from "@/components/settings/scale-form";

/** A status scale's page (a new one when `scale` is null): back to the list, its title, its form. */
export function ScalePage({ title, scale }: { title: string; scale: ScaleDetail | null }) {
  const t = useTranslations("settings.scale");
  return (
    <section className="stack">
      <p>
        <Link href="/admin/scales">{t("back")}</Link>
      </p>
      <h1>{title}</h1>
      <ScaleForm key={scale ? `${scale.id}-${scale.version}` : "new"} scale={scale} />
    </section>
  );
}
