// Every catalog is complete: the same keys as English, the same placeholders (ICU arguments, plural
// and select cases' arguments, rich-text tags), no message English lacks, and real translations
// rather than English copies.
import fs from "node:fs";
import path from "node:path";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, LOCALES } from "@/server/shared/locales";

const DIR = path.join(import.meta.dirname, "messages");

type Catalog = Record<string, string>;

function flatten(value: unknown, prefix: string, into: Catalog): Catalog {
  if (typeof value === "string") into[prefix] = value;
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
  else into[prefix] = `<not a string: ${JSON.stringify(value)}>`;
  return into;
}

function catalog(locale: string, namespace: string): Catalog {
  return flatten(JSON.parse(fs.readFileSync(path.join(DIR, locale, `${namespace}.json`), "utf8")), "", {});
}

/** The placeholders of a message: argument names with their kind, and tag names, sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`{${element.value}}`);
      else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`{${element.value}, ${TYPE[element.type]}}`);
      else if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`{${element.value}, ${TYPE[element.type]}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** Left as in English on purpose: no letters to translate, or names that are the same everywhere. */
const SAME_IN_EVERY_LANGUAGE = /^[^\p{Ll}]*$|^(?:OSCE|ODIHR|CSV|PDF|Excel|ISO|URL|OK|Commitment Tracker)$/u;
/** Words a language writes as English does ("Migration" in French and German), listed per language. */
const SAME_AS_ENGLISH = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "same-as-english.json"), "utf8")) as Record<string, string[]>;

describe("the message catalogs", () => {
  it("have one file per namespace in every language, and no other", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(DIR, locale)).filter((file) => file.endsWith(".json")).map((file) => file.replace(/\.json$/, "")).sort();
      expect(files, locale).toEqual([...NAMESPACES].sort());
    }
    expect(fs.readdirSync(DIR).sort()).toEqual([...LOCALES].sort());
  });

  it("parse as ICU messages", () => {
    for (const locale of LOCALES) for (const namespace of NAMESPACES) for (const [key, message] of Object.entries(catalog(locale, namespace))) expect(() => parse(message), `${locale} ${namespace}.${key}`).not.toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`${locale}: the same keys and placeholders as English, translated`, () => {
      const missing: string[] = [];
      const extra: string[] = [];
      const differing: string[] = [];
      const copied: string[] = [];
      for (const namespace of NAMESPACES) {
        const english = catalog(DEFAULT_LOCALE, namespace);
        const translated = catalog(locale, namespace);
        for (const key of Object.keys(english)) if (!(key in translated)) missing.push(`${namespace}.${key}`);
        for (const key of Object.keys(translated)) if (!(key in english)) extra.push(`${namespace}.${key}`);
        for (const [key, message] of Object.entries(translated)) {
          if (!(key in english)) continue;
          const want = placeholders(english[key]!);
          const got = placeholders(message);
          if (want.join() !== got.join()) differing.push(`${namespace}.${key}: ${got.join(" ")} instead of ${want.join(" ")}`);
          if (message === english[key] && !SAME_IN_EVERY_LANGUAGE.test(message) && !SAME_AS_ENGLISH[locale]?.includes(message)) copied.push(`${namespace}.${key}: ${message}`);
        }
      }
      expect({ missing, extra, differing, copied }).toEqual({ missing: [], extra: [], differing: [], copied: [] });
    });
  }
});
