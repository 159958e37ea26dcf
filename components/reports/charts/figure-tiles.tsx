import { useLocale, useTranslations } from "next-intl";
import { formatPercent, formatShare, type Figures } from "@/server/shared/figures";

/** The headline figures of a report, as a definition list (words first, then the number). */
export function FigureTiles({ figures, unit, scoreLabel }: { figures: Figures; unit: string; scoreLabel?: string }) {
  const t = useTranslations("reports.figures");
  const locale = useLocale();
  return (
    <dl className="figure-tiles">
      <div>
        <dt>{unit}</dt>
        <dd>{figures.commitments}</dd>
      </div>
      <div>
        <dt>{t("counted")}</dt>
        <dd>{figures.counted}</dd>
      </div>
      <div>
        <dt>{scoreLabel ?? t("meanProgress")}</dt>
        <dd>{formatPercent(figures.meanProgress, locale)}</dd>
      </div>
      <div>
        <dt>{t("shareImplemented")}</dt>
        <dd>{formatShare(figures.shareImplemented, locale)}</dd>
      </div>
    </dl>
  );
}
