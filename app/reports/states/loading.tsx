import { useTranslations } from "next-intl";

/** Shown while a State report is computed on the server. */
export default function StateReportsLoading() {
  const t = useTranslations("reports");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
