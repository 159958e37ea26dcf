import { useTranslations } from "next-intl";

/** Shown while a recommendation report is computed on the server. */
export default function RecommendationReportsLoading() {
  const t = useTranslations("reports");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
