import { useTranslations } from "next-intl";

/** Shown while the trend is computed on the server. */
export default function TrendReportLoading() {
  const t = useTranslations("reports");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
