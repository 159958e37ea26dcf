-- Words that mean one thing: `state` is a country, `status` a position on a status scale.
-- A progress update's workflow step becomes "reviewState" (enum "ReviewState"), a
-- recommendation's draft/published flag becomes "publication" (enum "Publication").
-- Renames only: every row, default, check and index keeps its data (the partial index
-- "ProgressUpdate_one_open_per_commitment" follows the renamed column by itself).

ALTER TYPE "UpdateState" RENAME TO "ReviewState";
ALTER TABLE "ProgressUpdate" RENAME COLUMN "state" TO "reviewState";
ALTER INDEX "ProgressUpdate_state_submittedAt_idx" RENAME TO "ProgressUpdate_reviewState_submittedAt_idx";

ALTER TYPE "RecommendationStatus" RENAME TO "Publication";
ALTER TABLE "Recommendation" RENAME COLUMN "status" TO "publication";
ALTER INDEX "Recommendation_status_sourceId_idx" RENAME TO "Recommendation_publication_sourceId_idx";
