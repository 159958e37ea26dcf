import { useTranslations } from "next-intl";
import { LoadingStatus } from "@/components/ui/loading-status";

/** Shown while a recommendations page is read on the server. */
export default function RecommendationsLoading() {
  const t = useTranslations("recommendations");
  return <LoadingStatus text={t("loading")} />;
}
