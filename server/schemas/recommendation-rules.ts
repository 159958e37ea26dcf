import { ID_MESSAGE, isDateOnly, isId, DATE_ONLY_MESSAGE, httpUrlProblem, requiredTextProblem, textProblem } from "@/server/schemas/text-rules";

// The recommendation and source inputs, without zod: the zod schemas (recommendations.ts,
// sources.ts) are built from these limits and messages, and the recommendation, source and
// add-States forms check with them before sending, so those pages need not load zod.

export const REFERENCE_MAX = 50;
export const RECOMMENDATION_TEXT_MAX = 20_000;
export const MAX_THEMES = 50;
/** 57 participating States + 11 Partners for Co-operation. */
export const MAX_ADDRESSEES = 68;

export const recommendationMessages = {
  chooseSource: "Choose a source",
  chooseScale: "Choose a status scale",
  tooManyThemes: `At most ${MAX_THEMES} themes`,
  tooManyStates: `At most ${MAX_ADDRESSEES} States`,
  addressSomeone: "Address the recommendation to all participating States or choose at least one State",
  chooseState: "Choose at least one State",
};

export const SOURCE_KINDS = ["CONFERENCE", "ACTION_PLAN", "MONITORING_CYCLE", "OTHER"] as const;
export type TSourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_MESSAGE = "Choose the kind of source";
export const SOURCE_TITLE_MAX = 300;
export const SOURCE_LOCATION_MAX = 200;
export const SOURCE_DESCRIPTION_MAX = 20_000;

export function referenceProblem(value: string): string | null {
  return requiredTextProblem(value, REFERENCE_MAX, "Reference");
}

export function recommendationTextProblem(value: string): string | null {
  return requiredTextProblem(value, RECOMMENDATION_TEXT_MAX, "Text");
}

export function themeKeysProblem(keys: string[]): string | null {
  return keys.length > MAX_THEMES ? recommendationMessages.tooManyThemes : null;
}

/** The addressed States: at most all of them, and someone (all participating States, or one chosen). */
export function addresseesProblem(addressAllParticipating: boolean, stateIds: string[]): string | null {
  if (stateIds.length > MAX_ADDRESSEES) return recommendationMessages.tooManyStates;
  if (stateIds.some((id) => !isId(id))) return ID_MESSAGE;
  if (!addressAllParticipating && stateIds.length === 0) return recommendationMessages.addressSomeone;
  return null;
}

/** States added to a published recommendation: at least one. */
export function addedStatesProblem(stateIds: string[]): string | null {
  if (stateIds.some((id) => !isId(id))) return ID_MESSAGE;
  if (stateIds.length > MAX_ADDRESSEES) return recommendationMessages.tooManyStates;
  if (stateIds.length < 1) return recommendationMessages.chooseState;
  return null;
}

/** A select that holds "" until something is chosen, then an id. */
export function chosenIdProblem(value: string, nothingChosen: string): string | null {
  if (!value) return nothingChosen;
  return isId(value) ? null : ID_MESSAGE;
}

/** A date input: YYYY-MM-DD; "" is allowed only when the date is optional. */
export function dateProblem(value: string, optional: boolean): string | null {
  if (optional && value === "") return null;
  return isDateOnly(value) ? null : DATE_ONLY_MESSAGE;
}

export function sourceKindProblem(value: string): string | null {
  return (SOURCE_KINDS as readonly string[]).includes(value) ? null : SOURCE_KIND_MESSAGE;
}

export function sourceTitleProblem(value: string): string | null {
  return requiredTextProblem(value, SOURCE_TITLE_MAX, "Title");
}

/** Optional source fields: "" is sent as null (nothing to check). */
export function sourceLocationProblem(value: string): string | null {
  return value === "" ? null : textProblem(value, SOURCE_LOCATION_MAX, "Location");
}

export function sourceLinkProblem(value: string): string | null {
  return value === "" ? null : httpUrlProblem(value, "Link");
}

export function sourceDescriptionProblem(value: string): string | null {
  return value === "" ? null : textProblem(value, SOURCE_DESCRIPTION_MAX, "Description");
}
