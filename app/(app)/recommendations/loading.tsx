import { useTranslations } from "next-intl";

/** Shown while a recommendations page is read on the server. */
export default function RecommendationsLoading() {
  const t = useTranslations("recommendations");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
