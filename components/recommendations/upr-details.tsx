import { Fragment } from "react";
import { useTranslations } from "next-intl";
import type { RecommendationDetail } from "@/components/recommendations/recommendation-display";

type UprFields = Pick<
  RecommendationDetail,
  "uprSession" | "uprWgReport" | "uprThemeHeading" | "uprRecommendingStates" | "uprPosition" | "uprSourceOfPosition" | "uprGroupsOfPersons" | "uprSdgs"
>;

/** Whether a recommendation came with UPR fields (from a UPR recommendation list). */
export function hasUprFields(recommendation: UprFields): boolean {
  return Boolean(
    recommendation.uprSession ||
      recommendation.uprWgReport ||
      recommendation.uprThemeHeading ||
      recommendation.uprPosition ||
      recommendation.uprSourceOfPosition ||
      recommendation.uprRecommendingStates.length ||
      recommendation.uprGroupsOfPersons.length ||
      recommendation.uprSdgs.length,
  );
}

/**
 * The UPR fields of a recommendation, as the UN's list gives them (States' names, groups and
 * goals are the list's own English words): nothing when it has none.
 */
export function UprDetails({ recommendation }: { recommendation: UprFields }) {
  const t = useTranslations("imports.upr");
  if (!hasUprFields(recommendation)) return null;
  // [label, value, whether the value is the list's own English]
  const facts: [string, string | null, boolean][] = [
    [t("session"), recommendation.uprSession, true],
    [t("wgReport"), recommendation.uprWgReport, true],
    [t("themeHeading"), recommendation.uprThemeHeading, true],
    [t("recommendingStates"), recommendation.uprRecommendingStates.join(", ") || null, true],
    [t("position"), recommendation.uprPosition ? t(`positionValue.${recommendation.uprPosition}`) : null, false],
    [t("sourceOfPosition"), recommendation.uprSourceOfPosition, true],
    [t("groupsOfPersons"), recommendation.uprGroupsOfPersons.join(", ") || null, true],
    [t("sdgs"), recommendation.uprSdgs.join(", ") || null, false],
  ];
  return (
    <section className="stack" aria-labelledby="upr-details-title">
      <h2 id="upr-details-title">{t("heading")}</h2>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value, original]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd lang={original ? "en" : undefined}>{value}</dd>
            </Fragment>
          ))}
      </dl>
    </section>
  );
}
