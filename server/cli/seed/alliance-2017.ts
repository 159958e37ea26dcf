// The 17th Alliance against Trafficking in Persons conference (Vienna, 3-4 April 2017),
// "Trafficking in Children and the Best Interests of the Child". The recommendations are drawn
// from the OSCE's closing press release of 4 April 2017.

export const ALLIANCE_2017_SOURCE = {
  title: "17th Alliance against Trafficking in Persons conference",
  kind: "CONFERENCE" as const,
  date: "2017-04-03",
  location: "Vienna",
  description:
    "Trafficking in Children and the Best Interests of the Child, 3-4 April 2017. The conference " +
    "focused on child trafficking in the context of migration and closed with a call for a regional " +
    "and multi-stakeholder response to better combat child trafficking and secure the best interests " +
    "of all children, regardless of status or background.",
};

export type SeedRecommendation = { reference: string; text: string; themes: string[]; dueDate: string };

export const ALLIANCE_2017_RECOMMENDATIONS: SeedRecommendation[] = [
  {
    reference: "AAT17-01",
    text:
      "Give trafficked migrant children who are not eligible for refugee status temporary residency, " +
      "regardless of their possible involvement in criminal activities.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-12-31",
  },
  {
    reference: "AAT17-02",
    text:
      "Consider trafficked migrant children for permanent residence on humanitarian or compassionate grounds.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-12-31",
  },
  {
    reference: "AAT17-03",
    text:
      "Harmonize and strengthen child protection systems, and adjust them to large influxes of " +
      "migrants and to crisis contexts.",
    themes: ["protection", "children", "migration"],
    dueDate: "2026-06-30",
  },
  {
    reference: "AAT17-04",
    text:
      "Adopt a regional, multi-stakeholder response to transnational child trafficking, bringing " +
      "together governments, international organizations, NGOs, academia, civil society, trade " +
      "unions and the media.",
    themes: ["partnership", "children"],
    dueDate: "2026-12-31",
  },
  {
    reference: "AAT17-05",
    text:
      "Secure the best interests of the child for all children, regardless of their status or background.",
    themes: ["protection", "children"],
    dueDate: "2026-12-31",
  },
  {
    reference: "AAT17-06",
    text:
      "Protect children on the move from violence, exploitation and abuse throughout their journeys.",
    themes: ["prevention", "protection", "children", "migration"],
    dueDate: "2026-06-30",
  },
  {
    reference: "AAT17-07",
    text:
      "Safeguard in law the rights of unaccompanied migrant children, including access to " +
      "guardianship, protection and services.",
    themes: ["protection", "children", "migration"],
    dueDate: "2027-06-30",
  },
  {
    reference: "AAT17-08",
    text:
      "Build anti-trafficking partnerships on the recognition of the contribution that each partner " +
      "can offer, according to its abilities and skills.",
    themes: ["partnership"],
    dueDate: "2027-06-30",
  },
];
