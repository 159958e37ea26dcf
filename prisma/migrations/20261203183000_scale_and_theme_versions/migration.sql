-- Optimistic versions for status scales and themes: a stale edit is refused.
ALTER TABLE "StatusScale" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Theme" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
