// The 17th Alliance against Trafficking in Persons conference (Vienna, 3-4 April 2017),
// "Trafficking in Children and the Best Interests of the Child". The recommendations are drawn
// from the OSCE's closing press release of 4 April 2017: each keeps the release's sentence it comes
// from, who said it, and whether it was one speaker's speech or message rather than a call of the
// conference itself.

export const ALLIANCE_2017_SOURCE = {
  title: "17th Alliance against Trafficking in Persons conference",
  kind: "CONFERENCE" as const,
  date: "2017-04-03",
  location: "Vienna",
  link: "https://www.osce.org/secretariat/309571",
  description:
    "Trafficking in Children and the Best Interests of the Child, 3-4 April 2017. The conference " +
    "focused on child trafficking in the context of migration and closed with a call for a regional " +
    "and multi-stakeholder response to better combat child trafficking and secure the best interests " +
    "of all children, regardless of status or background.",
};

/** The day the conference closed and the press release was published: the recommendations' publication. */
export const ALLIANCE_2017_CLOSED = new Date(Date.UTC(2017, 3, 4, 16));

export type SeedRecommendation = {
  reference: string;
  text: string;
  themes: string[];
  dueDate: string;
  sourcePassage: string;
  sourcePassageBy: string;
  fromSpeech: boolean;
};

const JARBUSSYNOVA = "Madina Jarbussynova, OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings";

const CLOSING_CALL =
  "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings Madina Jarbussynova " +
  "brought the 17th high-level conference of the Alliance against Trafficking in Persons to a close today by " +
  "urging all participants to adopt a regional and multi-stakeholder response to better combat child trafficking " +
  "and secure the best interests of all children, regardless of status or background.";

const TEMPORARY_RESIDENCY =
  "Commending the Italian parliament for recently passing a bill safeguarding the rights of unaccompanied migrant " +
  "children, Jarbussynova stated that \u201ctrafficked migrant children who are not eligible for refugee status should " +
  "be given temporary residency, regardless of their possible involvement in criminal activities, and considered for " +
  "permanent residence on humanitarian or compassionate grounds\u201d.";

export const ALLIANCE_2017_RECOMMENDATIONS: SeedRecommendation[] = [
  {
    reference: "AAT17-01",
    text:
      "Give trafficked migrant children who are not eligible for refugee status temporary residency, " +
      "regardless of their possible involvement in criminal activities.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-12-31",
    sourcePassage: TEMPORARY_RESIDENCY,
    sourcePassageBy: JARBUSSYNOVA,
    fromSpeech: true,
  },
  {
    reference: "AAT17-02",
    text:
      "Consider trafficked migrant children for permanent residence on humanitarian or compassionate grounds.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-12-31",
    sourcePassage: TEMPORARY_RESIDENCY,
    sourcePassageBy: JARBUSSYNOVA,
    fromSpeech: true,
  },
  {
    reference: "AAT17-03",
    text:
      "Harmonize and strengthen child protection systems, and adjust them to large influxes of " +
      "migrants and to crisis contexts.",
    themes: ["protection", "children", "migration"],
    dueDate: "2026-06-30",
    sourcePassage: "Many called for child protection systems to be harmonized, strengthened and adjusted to large influxes and crisis contexts.",
    sourcePassageBy: "Speakers at the conference",
    fromSpeech: false,
  },
  {
    reference: "AAT17-04",
    text:
      "Adopt a regional, multi-stakeholder response to transnational child trafficking, bringing " +
      "together governments, international organizations, NGOs, academia, civil society, trade " +
      "unions and the media.",
    themes: ["partnership", "children"],
    dueDate: "2026-12-31",
    sourcePassage: CLOSING_CALL,
    sourcePassageBy: JARBUSSYNOVA + ", closing the conference",
    fromSpeech: false,
  },
  {
    reference: "AAT17-05",
    text:
      "Secure the best interests of the child for all children, regardless of their status or background.",
    themes: ["protection", "children"],
    dueDate: "2026-12-31",
    sourcePassage: CLOSING_CALL,
    sourcePassageBy: JARBUSSYNOVA + ", closing the conference",
    fromSpeech: false,
  },
  {
    reference: "AAT17-06",
    text:
      "Protect children on the move from violence, exploitation and abuse throughout their journeys.",
    themes: ["prevention", "protection", "children", "migration"],
    dueDate: "2026-06-30",
    sourcePassage: "\u201cChildren on the move deserve to be protected from violence, exploitation and abuse on their journeys,\u201d said OSCE " +
      "Secretary General Lamberto Zannier, opening the conference.",
    sourcePassageBy: "Lamberto Zannier, OSCE Secretary General, opening the conference",
    fromSpeech: true,
  },
  {
    reference: "AAT17-07",
    text:
      "Safeguard in law the rights of unaccompanied migrant children, including access to " +
      "guardianship, protection and services.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-06-30",
    sourcePassage: TEMPORARY_RESIDENCY,
    sourcePassageBy: JARBUSSYNOVA,
    fromSpeech: true,
  },
  {
    reference: "AAT17-08",
    text:
      "Build anti-trafficking partnerships on the recognition of the contribution that each partner " +
      "can offer, according to its abilities and skills.",
    themes: ["partnership"],
    dueDate: "2027-06-30",
    sourcePassage: "\u201cThe formation of partnerships to fight trafficking must be based on recognition of the contribution that each " +
      "partner can offer, according to the abilities and skills of each\u201d, he said.",
    sourcePassageBy: "Pope Francis, in a message delivered by Fr. Michael Czerny S.J., Under-Secretary in the Migrants and Refugees Section of the Vatican",
    fromSpeech: true,
  },
];
