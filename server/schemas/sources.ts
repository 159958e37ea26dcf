import { z } from "zod";
import { zDateOnly, zHttpUrl, zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";
import { SOURCE_DESCRIPTION_MAX, SOURCE_KINDS, SOURCE_KIND_MESSAGE, SOURCE_LOCATION_MAX, SOURCE_TITLE_MAX } from "@/server/schemas/recommendation-rules";

// Built from the limits and messages of recommendation-rules.ts, which the source form uses.
export { SOURCE_KINDS };
export const ZSourceKind = z.enum(SOURCE_KINDS, { error: SOURCE_KIND_MESSAGE });

// Optional text fields take null to clear them; the service stores an empty string as null.
const sourceFields = {
  title: zRequiredText(SOURCE_TITLE_MAX, "Title"),
  kind: ZSourceKind,
  date: zDateOnly,
  location: zText(SOURCE_LOCATION_MAX, "Location").nullable().optional(),
  link: zHttpUrl("Link").nullable().optional(),
  description: zText(SOURCE_DESCRIPTION_MAX, "Description").nullable().optional(),
};

export const ZCreateSourceInput = z.strictObject(sourceFields);
export type TCreateSourceInput = z.infer<typeof ZCreateSourceInput>;

/** Only the fields given change; `expectedVersion` is the version the editor read. */
export const ZUpdateSourceInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  title: sourceFields.title.optional(),
  kind: sourceFields.kind.optional(),
  date: sourceFields.date.optional(),
  location: sourceFields.location,
  link: sourceFields.link,
  description: sourceFields.description,
});
export type TUpdateSourceInput = z.infer<typeof ZUpdateSourceInput>;

export const ZGetSourceInput = z.strictObject({ id: zId });
export type TGetSourceInput = z.infer<typeof ZGetSourceInput>;

export const ZListSourcesInput = z
  .strictObject({
    kind: ZSourceKind.optional(),
    search: zText(200, "Search").optional(),
  })
  .optional();
export type TListSourcesInput = z.infer<typeof ZListSourcesInput>;
