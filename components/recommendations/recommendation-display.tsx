import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** Rows per page of the list; shared by the page (first page) and the list (later pages). */
export const RECOMMENDATIONS_PAGE_SIZE = 25;

type Outputs = inferRouterOutputs<AppRouter>;
export type RecommendationDetail = Outputs["recommendations"]["get"];
export type RecommendationSummary = Outputs["recommendations"]["list"]["items"][number];
export type SourceOption = Outputs["sources"]["list"][number];
export type ThemeOption = Outputs["recommendations"]["themes"][number];
export type ScaleOption = Outputs["scales"]["list"][number];

/** A State that can be addressed: participating States are bound, Partners for Co-operation volunteer. */
export type StateOption = {
  id: string;
  name: string;
  iso2: string;
  kind: "PARTICIPATING" | "PARTNER";
  partnerGroup?: string | null;
};

/** What a recommendation's form offers to choose from. */
export type RecommendationChoices = { sources: SourceOption[]; themes: ThemeOption[]; scales: ScaleOption[]; states: StateOption[] };

export const SOURCE_KIND_LABELS: Record<string, string> = {
  CONFERENCE: "Conference",
  ACTION_PLAN: "Action plan",
  MONITORING_CYCLE: "Monitoring cycle",
  OTHER: "Other",
};

const PUBLICATION_DISPLAY: Record<string, { label: string; symbol: string }> = {
  DRAFT: { label: "Draft", symbol: "✎" },
  PUBLISHED: { label: "Published", symbol: "✓" },
};

/** Draft or published, in words and a symbol (never by colour alone). */
export function PublicationBadge({ publication }: { publication: string }) {
  const shown = PUBLICATION_DISPLAY[publication] ?? { label: publication, symbol: "•" };
  return (
    <span className={`badge badge-recommendation-${publication.toLowerCase()}`}>
      <span aria-hidden="true" className="badge-symbol">
        {shown.symbol}
      </span>
      {shown.label}
    </span>
  );
}

/** The first words of a long recommendation, cut at a word boundary. */
export function shortenText(text: string, max = 160) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The States a recommendation reaches when published: every participating State when so marked,
 * plus the States chosen one by one.
 */
export function countAddressedStates(states: StateOption[], addressAllParticipating: boolean, chosenIds: string[]) {
  const addressed = new Set(chosenIds);
  if (addressAllParticipating) {
    for (const state of states) if (state.kind === "PARTICIPATING") addressed.add(state.id);
  }
  return addressed.size;
}

export function formatSourceOption(source: { title: string; date: string }) {
  return `${source.title} (${source.date})`;
}
