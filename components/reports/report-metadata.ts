import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A report page's `generateMetadata`: its title in the reader's language (the page's `title` key). */
export function reportMetadata(page: "matrix" | "overdue" | "states" | "recommendations" | "trend") {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations(`reports.${page}`);
    return { title: t("title") };
  };
}
