import * as z from "zod/mini";
import { zDateOnly, zHttpUrl, zId, zRequiredText, zText, zVersion } from "@/server/schemas/common";

import { validationMessage as message } from "@/server/shared/message-keys";
import { zSourceTranslations } from "@/server/schemas/translations";
import { SOURCE_DESCRIPTION_MAX, SOURCE_KINDS, SOURCE_LOCATION_MAX, SOURCE_TITLE_MAX } from "@/server/schemas/limits";

export { SOURCE_KINDS, type TSourceKind } from "@/server/schemas/limits";

export const ZSourceKind = z.enum(SOURCE_KINDS, { error: message("sources.chooseKind") });

// Optional text fields take null to clear them; the service stores an empty string as null.
const sourceFields = {
  title: zRequiredText(SOURCE_TITLE_MAX, "title"),
  kind: ZSourceKind,
  date: zDateOnly,
  location: z.optional(z.nullable(zText(SOURCE_LOCATION_MAX, "location"))),
  link: z.optional(z.nullable(zHttpUrl("link"))),
  description: z.optional(z.nullable(zText(SOURCE_DESCRIPTION_MAX, "description"))),
};

/** The title and description in other languages (the whole set; see translations.ts). */
export const ZCreateSourceInput = z.strictObject({ ...sourceFields, translations: z._default(zSourceTranslations, []) });
export type TCreateSourceInput = z.infer<typeof ZCreateSourceInput>;

/** Only the fields given change; `expectedVersion` is the version the editor read. */
export const ZUpdateSourceInput = z.strictObject({
  id: zId,
  expectedVersion: zVersion,
  title: z.optional(sourceFields.title),
  kind: z.optional(sourceFields.kind),
  date: z.optional(sourceFields.date),
  location: sourceFields.location,
  link: sourceFields.link,
  description: sourceFields.description,
  translations: z.optional(zSourceTranslations),
});
export type TUpdateSourceInput = z.infer<typeof ZUpdateSourceInput>;

export const ZGetSourceInput = z.strictObject({ id: zId });
export type TGetSourceInput = z.infer<typeof ZGetSourceInput>;

export const ZListSourcesInput = z.optional(
  z.strictObject({
    kind: z.optional(ZSourceKind),
    search: z.optional(zText(200, "search")),
  }),
);
export type TListSourcesInput = z.infer<typeof ZListSourcesInput>;

/**
 * Publishes every draft recommendation of the source; `drafts`, the number the user was shown,
 * refuses the publication when drafts were added or removed meanwhile.
 */
export const ZPublishSourceDraftsInput = z.strictObject({ sourceId: zId, drafts: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))) });
export type TPublishSourceDraftsInput = z.infer<typeof ZPublishSourceDraftsInput>;
