-- The fields of a UN Universal Periodic Review recommendation, kept on the recommendation itself.
CREATE TYPE "UprPosition" AS ENUM ('SUPPORTED', 'NOTED');

ALTER TABLE "Recommendation"
  ADD COLUMN "uprSession" VARCHAR(300),
  ADD COLUMN "uprWgReport" VARCHAR(300),
  ADD COLUMN "uprThemeHeading" VARCHAR(300),
  ADD COLUMN "uprRecommendingStates" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "uprPosition" "UprPosition",
  ADD COLUMN "uprSourceOfPosition" VARCHAR(300),
  ADD COLUMN "uprGroupsOfPersons" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "uprSdgs" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
