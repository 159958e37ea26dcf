// Messages that travel as catalog keys: a schema's check, a service's field error. The text is the
// key, then (when the message has values) a space and the values as JSON:
//   "text.required"  ·  'text.tooLong {"field":"narrative","max":10000}'
// Whoever shows the message translates it in the reader's language: the form hook in the browser
// (components/ui/use-checked-form.ts, with the page's catalog) and the API's error formatter on the
// server (server/i18n/server-messages.ts). A value named `field` is itself a key, under `fields.`
// ("narrative" → "Progress note"). Any other text (zod's own defaults) passes through unchanged.
// Client-safe: no catalog here, only keys.
import type { MessageKeys, NestedKeyOf } from "next-intl";
import type validation from "@/server/i18n/messages/en/validation.json";

export type MessageValues = Record<string, string | number>;

type ValidationCatalog = typeof validation;
/** A key of the `validation` catalog (checked by the type checker). */
export type ValidationKey = MessageKeys<ValidationCatalog, NestedKeyOf<ValidationCatalog>>;
/** A field's name in the `validation` catalog, under `fields.`. */
export type FieldKey = keyof ValidationCatalog["fields"];

const ENCODED = /^([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)(?: (\{.*\}))?$/s;

/** A validation message as it travels: its key and values. */
export function validationMessage(key: ValidationKey, values?: MessageValues & { field?: FieldKey }): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
}

/** The key and values of a message that travels as a key; null for any other text. */
export function decodeMessage(message: string): { key: string; values: MessageValues } | null {
  const match = ENCODED.exec(message);
  if (!match) return null;
  if (!match[2]) return { key: match[1]!, values: {} };
  try {
    const values: unknown = JSON.parse(match[2]);
    return values && typeof values === "object" ? { key: match[1]!, values: values as MessageValues } : null;
  } catch {
    return null;
  }
}

/** A translator of the `validation` namespace, as next-intl gives it (typed loosely here). */
export type ValidationTranslator = { (key: string, values?: MessageValues): string; has(key: string): boolean };

/** A message in the translator's language: a key is translated, any other text stays as it is. */
export function translateMessage(t: ValidationTranslator, message: string): string {
  const decoded = decodeMessage(message);
  if (!decoded || !t.has(decoded.key)) return message;
  const values = { ...decoded.values };
  if (typeof values.field === "string" && t.has(`fields.${values.field}`)) values.field = t(`fields.${values.field}`);
  return t(decoded.key, values);
}
