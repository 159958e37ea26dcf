-- The interface language a user chose (one of the six OSCE languages); null follows the browser.
ALTER TABLE "User" ADD COLUMN "locale" VARCHAR(8);
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'fr', 'de', 'it', 'ru', 'es'));
