-- The implicit many-to-many table of recommendations and themes becomes the explicit model
-- "RecommendationTheme": renamed in place (table, columns, keys and index), so every row stays.
ALTER TABLE "_RecommendationToTheme" RENAME TO "RecommendationTheme";
ALTER TABLE "RecommendationTheme" RENAME COLUMN "A" TO "recommendationId";
ALTER TABLE "RecommendationTheme" RENAME COLUMN "B" TO "themeId";
ALTER TABLE "RecommendationTheme" RENAME CONSTRAINT "_RecommendationToTheme_AB_pkey" TO "RecommendationTheme_pkey";
ALTER TABLE "RecommendationTheme" RENAME CONSTRAINT "_RecommendationToTheme_A_fkey" TO "RecommendationTheme_recommendationId_fkey";
ALTER TABLE "RecommendationTheme" RENAME CONSTRAINT "_RecommendationToTheme_B_fkey" TO "RecommendationTheme_themeId_fkey";
ALTER INDEX "_RecommendationToTheme_B_index" RENAME TO "RecommendationTheme_themeId_idx";
