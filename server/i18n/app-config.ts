// next-intl's types for this app: the languages, and the English catalog as the shape of every
// catalog, so `t("a.key")` with a key English lacks fails the type check.
import type { FORMATS } from "@/server/i18n/catalogs";
import type { Locale } from "@/server/shared/locales";
import type account from "@/server/i18n/messages/en/account.json";
import type auth from "@/server/i18n/messages/en/auth.json";
import type commitments from "@/server/i18n/messages/en/commitments.json";
import type common from "@/server/i18n/messages/en/common.json";
import type errors from "@/server/i18n/messages/en/errors.json";
import type imports from "@/server/i18n/messages/en/imports.json";
import type exportsCatalog from "@/server/i18n/messages/en/exports.json";
import type layout from "@/server/i18n/messages/en/layout.json";
import type recommendations from "@/server/i18n/messages/en/recommendations.json";
import type reference from "@/server/i18n/messages/en/reference.json";
import type settings from "@/server/i18n/messages/en/settings.json";
import type reports from "@/server/i18n/messages/en/reports.json";
import type review from "@/server/i18n/messages/en/review.json";
import type sources from "@/server/i18n/messages/en/sources.json";
import type dueDates from "@/server/i18n/messages/en/dueDates.json";
import type users from "@/server/i18n/messages/en/users.json";
import type validation from "@/server/i18n/messages/en/validation.json";
import type history from "@/server/i18n/messages/en/history.json";

export type AppMessages = {
  common: typeof common;
  layout: typeof layout;
  auth: typeof auth;
  account: typeof account;
  users: typeof users;
  commitments: typeof commitments;
  review: typeof review;
  recommendations: typeof recommendations;
  sources: typeof sources;
  dueDates: typeof dueDates;
  reports: typeof reports;
  exports: typeof exportsCatalog;
  errors: typeof errors;
  validation: typeof validation;
  reference: typeof reference;
  imports: typeof imports;
  history: typeof history;
  settings: typeof settings;
};

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: AppMessages;
    Formats: typeof FORMATS;
  }
}
