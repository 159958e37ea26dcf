// The names of reference data in the reader's language: a scale status, a theme, an ODIHR level, a
// role, a State. Built-in statuses and themes are translated in the "reference" catalog by their
// key while they keep their built-in (English) label; a status or theme the secretariat added or
// renamed shows the label it was given. Client-safe:
// pages and components use it through useReferenceLabels, exports with the catalog of their language.
import type { Role } from "@/prisma/generated/enums";
import type { OdihrLevel } from "@/server/shared/figures";
import type { Locale } from "@/server/shared/locales";
import { stateName } from "@/server/shared/state-names";
import english from "@/server/i18n/messages/en/reference.json";

export type ReferenceCatalog = {
  statuses: Record<string, string>;
  themes: Record<string, string>;
  odihrLevels: Record<OdihrLevel | "NOT_RATED", string>;
  roles: Record<Role, string>;
};

export type ReferenceLabels = ReturnType<typeof referenceLabels>;

/** The catalog's name of a built-in entry that still has its built-in label; otherwise the label as stored. */
function builtIn(translated: Record<string, string>, builtInLabels: Record<string, string>, entry: { key: string; label: string }) {
  return Object.hasOwn(builtInLabels, entry.key) && builtInLabels[entry.key] === entry.label ? (translated[entry.key] ?? entry.label) : entry.label;
}

export function referenceLabels(catalog: ReferenceCatalog, locale: Locale) {
  return {
    locale,
    status: (status: { key: string; label: string }) => builtIn(catalog.statuses, english.statuses, status),
    theme: (theme: { key: string; label: string }) => builtIn(catalog.themes, english.themes, theme),
    odihrLevel: (level: OdihrLevel | "NOT_RATED") => catalog.odihrLevels[level],
    role: (role: Role) => catalog.roles[role],
    state: (state: { iso2: string; name: string }) => stateName(state.iso2, state.name, locale),
  };
}
