import { useTranslations } from "next-intl";
import { ScaleForm, type ScaleDetail } from "@/components/settings/scale-form";
import { BackLink } from "@/components/ui/back-link";

/** A status scale's page (a new one when `scale` is null): back to the list, its title, its form. */
export function ScalePage({ title, scale }: { title: string; scale: ScaleDetail | null }) {
  const t = useTranslations("settings.scale");
  return (
    <section className="stack">
      <BackLink href="/admin/scales">{t("back")}</BackLink>
      <h1>{title}</h1>
      <ScaleForm key={scale ? `${scale.id}-${scale.version}` : "new"} scale={scale} />
    </section>
  );
}
