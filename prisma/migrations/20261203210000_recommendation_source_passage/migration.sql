-- The passage of its source a recommendation is drawn from, who said it, and whether it was one
-- speaker's speech rather than a call of the conference.
ALTER TABLE "Recommendation" ADD COLUMN "sourcePassage" TEXT,
ADD COLUMN "sourcePassageBy" VARCHAR(300),
ADD COLUMN "fromSpeech" BOOLEAN NOT NULL DEFAULT false;
