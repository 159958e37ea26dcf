import { useTranslations } from "next-intl";
import { LoadingStatus } from "@/components/ui/loading-status";

/** Shown while a report is computed on the server. */
export function ReportLoading() {
  const t = useTranslations("reports");
  return <LoadingStatus text={t("loading")} />;
}
