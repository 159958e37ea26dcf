"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { recordHref } from "@/components/history/audit-labels";
import type { THistoryEntity } from "@/server/schemas/audit";

/** The link "History" from a record's page to its audit trail (for the secretariat's pages). */
export function HistoryLink({ entity, id }: { entity: THistoryEntity; id: string }) {
  const t = useTranslations("history");
  return (
    <p className="history-link">
      <Link href={`${recordHref(entity, id)}/history`}>{t("link")}</Link>
    </p>
  );
}
