import { useTranslations } from "next-intl";
import type { FigureKey } from "@/server/shared/figures";

export type { FigureKey };

/** How the figures on the page are computed, in words (the same definitions the exports carry). */
export function FigureNotes({ keys }: { keys: FigureKey[] }) {
  const t = useTranslations("reports");
  return (
    <details className="figure-notes">
      <summary>{t("notesTitle")}</summary>
      <ul>
        {keys.map((key) => (
          <li key={key}>{t(`definitions.${key}`)}</li>
        ))}
      </ul>
    </details>
  );
}
