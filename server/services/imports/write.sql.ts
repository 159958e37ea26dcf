import "server-only";
import { Prisma } from "@/prisma/generated/client";
import type { UprFields } from "@/server/services/imports/check-rows";

// The import's bulk inserts, one statement each: at thousands of rows, one INSERT from a JSON
// parameter (or from arrays) instead of a statement per row.

/** A new draft recommendation (version 1) as the import inserts it; `dueDate` is YYYY-MM-DD. */
export type NewRecommendationRow = UprFields & {
  id: string;
  sourceId: string;
  reference: string;
  text: string;
  scaleId: string;
  dueDate: string | null;
  addressAllParticipating: boolean;
};

export function insertRecommendationsSql(rows: NewRecommendationRow[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Recommendation" ("id", "sourceId", "reference", "text", "scaleId", "dueDate", "addressAllParticipating",
      "uprSession", "uprWgReport", "uprThemeHeading", "uprRecommendingStates", "uprPosition", "uprSourceOfPosition",
      "uprGroupsOfPersons", "uprSdgs", "updatedAt")
    SELECT r."id", r."sourceId", r."reference", r."text", r."scaleId", r."dueDate", r."addressAllParticipating",
      r."uprSession", r."uprWgReport", r."uprThemeHeading", r."uprRecommendingStates", r."uprPosition"::"UprPosition", r."uprSourceOfPosition",
      r."uprGroupsOfPersons", r."uprSdgs", now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "id" uuid, "sourceId" uuid, "reference" text, "text" text, "scaleId" uuid, "dueDate" date, "addressAllParticipating" boolean,
      "uprSession" text, "uprWgReport" text, "uprThemeHeading" text, "uprRecommendingStates" text[], "uprPosition" text,
      "uprSourceOfPosition" text, "uprGroupsOfPersons" text[], "uprSdgs" text[])`;
}

/** Links recommendations to themes or States: [recommendation id, theme or State id] pairs. */
export function insertLinksSql(link: "theme" | "addressee", pairs: [string, string][]): Prisma.Sql {
  const [table, column] = link === "theme" ? ['"RecommendationTheme"', '"themeId"'] : ['"RecommendationAddressee"', '"stateId"'];
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(table)} ("recommendationId", ${Prisma.raw(column)})
    SELECT * FROM unnest(${pairs.map((pair) => pair[0])}::uuid[], ${pairs.map((pair) => pair[1])}::uuid[])`;
}
