// The limits and the few messages that the forms show besides their schemas' checks (maxLength
// attributes, character counters, the choices of a select, "nothing chosen yet"). Plain values:
// a form imports them at once, while its zod/mini schema is loaded after the page is interactive
// (the schemas are built from these, in the modules beside this one).

import { validationMessage as message } from "@/server/shared/message-keys";

export const MAX_NARRATIVE = 10_000;
export const MAX_EVIDENCE_LINKS = 20;
export const MAX_REPORTING_PERIOD = 100;
export const MAX_EVIDENCE_TITLE = 300;
export const REVIEW_COMMENT_MAX = 5000;
export const RATIONALE_MAX = 10_000;

export const REFERENCE_MAX = 50;
export const RECOMMENDATION_TEXT_MAX = 20_000;
export const MAX_THEMES = 50;
/** 57 participating States + 11 Partners for Co-operation. */
export const MAX_ADDRESSEES = 68;
/** The most statuses a status scale has. */
export const MAX_SCALE_STATUSES = 30;
/** The longest name of a theme. */
export const THEME_LABEL_MAX = 100;
/** The most changes one CSV export of the audit log holds (the newest). */
export const AUDIT_EXPORT_MAX = 50_000;
/** Users per page of the administrators' users list. */
export const USERS_PAGE_SIZE = 25;

// The messages are keys of the `validation` catalog (server/shared/message-keys.ts), which the
// form and the API translate for the reader.
export const recommendationMessages = {
  chooseSource: message("recommendations.chooseSource"),
  chooseScale: message("recommendations.chooseScale"),
  tooManyThemes: message("recommendations.tooManyThemes", { max: MAX_THEMES }),
  tooManyStates: message("recommendations.tooManyStates", { max: MAX_ADDRESSEES }),
  addressSomeone: message("recommendations.addressSomeone"),
  chooseState: message("recommendations.chooseState"),
};

export const SOURCE_KINDS = ["CONFERENCE", "ACTION_PLAN", "MONITORING_CYCLE", "OTHER"] as const;
export type TSourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_TITLE_MAX = 300;
export const SOURCE_LOCATION_MAX = 200;
export const SOURCE_DESCRIPTION_MAX = 20_000;

export const EMAIL_MAX = 254;
export const USER_NAME_MAX = 200;
export const FOCAL_POINT_STATE_MESSAGE = message("users.chooseState");

// What an id and a calendar date are: the schemas (zId, zDateOnly in common.ts) are built from
// these, and the URL readers (components/url-params.ts) use them in the browser without loading zod.
/** A UUID with its version and variant (the app's ids are version 7), or the nil or max UUID. */
export const ID_PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isId(value: string) {
  return ID_PATTERN.test(value);
}

/** YYYY-MM-DD naming a day of the calendar, from year 1 (PostgreSQL has no year 0). */
export function isCalendarDate(value: string) {
  if (!DATE_SHAPE.test(value) || value.startsWith("0000")) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}
