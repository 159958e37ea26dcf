import * as z from "zod/mini";
import { LOCALES } from "@/server/shared/locales";

export const localeMessages = {
  unknown: `Choose one of the interface languages: ${LOCALES.join(", ")}`,
};

/** The interface language a signed-in user chooses (kept in their profile). */
export const ZSetLanguageInput = z.strictObject({
  locale: z.enum(LOCALES, { error: localeMessages.unknown }),
});
export type TSetLanguageInput = z.infer<typeof ZSetLanguageInput>;
