import { useTranslations } from "next-intl";

/**
 * On every page while a demo account still has the published password (loadDemoDataExposed):
 * anyone may sign in as its administrator, so nothing real belongs here.
 */
export function DemoDataBanner({ exposed }: { exposed: boolean }) {
  const t = useTranslations("layout.demo");
  if (!exposed) return null;
  return (
    <aside className="demo-banner" aria-label={t("label")}>
      <p>
        <strong>{t("title")}</strong> {t("text")}
      </p>
    </aside>
  );
}
