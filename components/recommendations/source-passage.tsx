import { useTranslations } from "next-intl";

type PassageFields = { sourcePassage: string | null; sourcePassageBy: string | null; fromSpeech: boolean; language: string };

/**
 * The passage of its source a recommendation is drawn from, as published (in the source's own
 * language), who said it, and whether it was one speaker's words or a call of the conference:
 * nothing when none was recorded.
 */
export function SourcePassage({ recommendation, level = 2 }: { recommendation: PassageFields; level?: 2 | 3 }) {
  const t = useTranslations("recommendations.view");
  if (!recommendation.sourcePassage) return null;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className="stack" aria-labelledby="source-passage-title">
      <Heading id="source-passage-title">{t("passageHeading")}</Heading>
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
