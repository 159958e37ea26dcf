import { useTranslations } from "next-intl";
import type { RecommendationDetail } from "@/components/recommendations/recommendation-display";

type PassageFields = Pick<RecommendationDetail, "sourcePassage" | "sourcePassageBy" | "fromSpeech" | "language">;

/**
 * The passage of its source a recommendation is drawn from, as published (in the source's own
 * language), who said it, and whether it was one speaker's words or a call of the conference:
 * nothing when none was recorded.
 */
export function SourcePassage({ recommendation }: { recommendation: PassageFields }) {
  const t = useTranslations("recommendations.view");
  if (!recommendation.sourcePassage) return null;
  return (
    <section className="stack" aria-labelledby="source-passage-title">
      <h2 id="source-passage-title">{t("passageHeading")}</h2>
      <figure className="source-passage">
        <blockquote lang={recommendation.language}>
          <p>{recommendation.sourcePassage}</p>
        </blockquote>
        <figcaption className="muted">
          {recommendation.sourcePassageBy ? (
            <>
              {t.rich("passageBy", { name: recommendation.sourcePassageBy, speaker: (name) => <span lang={recommendation.language}>{name}</span> })}
              {" · "}
            </>
          ) : null}
          {recommendation.fromSpeech ? t("fromSpeech") : t("fromCall")}
        </figcaption>
      </figure>
    </section>
  );
}
