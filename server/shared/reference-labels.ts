// The names of reference data in the reader's language: a scale status, a theme, an ODIHR level, a
// role, a State. Built-in statuses and themes are translated in the "reference" catalog by their
// key; a status or theme the secretariat added later shows the label it was given. Client-safe:
// pages and components use it through useReferenceLabels, exports with the catalog of their language.
import type { Role } from "@/prisma/generated/enums";
import type { OdihrLevel } from "@/server/shared/figures";
import type { Locale } from "@/server/shared/locales";
import { stateName } from "@/server/shared/state-names";

export type ReferenceCatalog = {
  statuses: Record<string, string>;
  themes: Record<string, string>;
  odihrLevels: Record<OdihrLevel | "NOT_RATED", string>;
  roles: Record<Role, string>;
};

export type ReferenceLabels = ReturnType<typeof referenceLabels>;

export function referenceLabels(catalog: ReferenceCatalog, locale: Locale) {
  return {
    locale,
    status: (status: { key: string; label: string }) => catalog.statuses[status.key] ?? status.label,
    theme: (theme: { key: string; label: string }) => catalog.themes[theme.key] ?? theme.label,
    odihrLevel: (level: OdihrLevel | "NOT_RATED") => catalog.odihrLevels[level],
    role: (role: Role) => catalog.roles[role],
    state: (state: { iso2: string; name: string }) => stateName(state.iso2, state.name, locale),
  };
}
