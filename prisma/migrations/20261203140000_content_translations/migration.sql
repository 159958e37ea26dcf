-- The language a recommendation's text and a source's title and description were written in
-- (existing content is English), and their translations into the other OSCE languages.
ALTER TABLE "Recommendation" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en';
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_language_check" CHECK ("language" IN ('en', 'fr', 'de', 'it', 'ru', 'es'));
ALTER TABLE "Source" ADD COLUMN "language" VARCHAR(8) NOT NULL DEFAULT 'en';
ALTER TABLE "Source" ADD CONSTRAINT "Source_language_check" CHECK ("language" IN ('en', 'fr', 'de', 'it', 'ru', 'es'));

CREATE TABLE "RecommendationTranslation" (
    "recommendationId" UUID NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "RecommendationTranslation_pkey" PRIMARY KEY ("recommendationId","locale"),
    CONSTRAINT "RecommendationTranslation_locale_check" CHECK ("locale" IN ('en', 'fr', 'de', 'it', 'ru', 'es'))
);

CREATE TABLE "SourceTranslation" (
    "sourceId" UUID NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "description" TEXT,

    CONSTRAINT "SourceTranslation_pkey" PRIMARY KEY ("sourceId","locale"),
    CONSTRAINT "SourceTranslation_locale_check" CHECK ("locale" IN ('en', 'fr', 'de', 'it', 'ru', 'es'))
);

ALTER TABLE "RecommendationTranslation" ADD CONSTRAINT "RecommendationTranslation_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SourceTranslation" ADD CONSTRAINT "SourceTranslation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
