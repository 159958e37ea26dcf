import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A settings page's `generateMetadata`: its title in the reader's language (the screen's `title` key). */
export function settingsMetadata(screen: "scales" | "themes") {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations(`settings.${screen}`);
    return { title: t("title") };
  };
}
