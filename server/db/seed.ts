import { systemActor } from "@/server/services/core/system-actor";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { ALLIANCE_2017_RECOMMENDATIONS, ALLIANCE_2017_SOURCE } from "@/server/db/seed-data/alliance-2017";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/db/seed-data/demo-accounts";

const STATES_CSV = path.join(process.cwd(), "prisma", "data", "osce-states.csv");

export const THEMES = [
  { key: "prevention", label: "Prevention" },
  { key: "protection", label: "Protection" },
  { key: "prosecution", label: "Prosecution" },
  { key: "partnership", label: "Partnership" },
  { key: "children", label: "Children" },
  { key: "migration", label: "Migration" },
];

export const DEFAULT_SCALE = {
  name: "Implementation status (default)",
  description: "The default scale: from Not started to Implemented, plus Not applicable (left out of averages).",
  statuses: [
    { key: "not_started", label: "Not started", defaultProgress: 0, countsTowardsAverage: true, odihrLevel: "NOT_IMPLEMENTED" },
    { key: "planned", label: "Planned", defaultProgress: 10, countsTowardsAverage: true, odihrLevel: "NOT_IMPLEMENTED" },
    { key: "in_progress", label: "In progress", defaultProgress: 40, countsTowardsAverage: true, odihrLevel: "PARTIALLY" },
    { key: "partially_implemented", label: "Partially implemented", defaultProgress: 60, countsTowardsAverage: true, odihrLevel: "PARTIALLY" },
    { key: "implemented", label: "Implemented", defaultProgress: 100, countsTowardsAverage: true, odihrLevel: "FULLY" },
    { key: "not_applicable", label: "Not applicable", defaultProgress: 0, countsTowardsAverage: false, odihrLevel: null },
  ],
} as const;

type StateRow = {
  osce_name: string;
  iso3166_alpha2: string;
  iso3166_alpha3: string;
  status: string;
  partner_group: string;
};

export function readStates() {
  const rows = parse(fs.readFileSync(STATES_CSV, "utf8"), { columns: true, bom: true, trim: true }) as StateRow[];
  return rows.map((row) => ({
    name: row.osce_name,
    iso2: row.iso3166_alpha2,
    iso3: row.iso3166_alpha3,
    kind: row.status === "participating State" ? ("PARTICIPATING" as const) : ("PARTNER" as const),
    partnerGroup: row.partner_group || null,
  }));
}

/** Reference data every installation needs: States, themes, the default status scale. Idempotent. */
export async function seedReferenceData(db: Db) {
  await db.state.createMany({ data: readStates(), skipDuplicates: true });
  await db.theme.createMany({
    data: THEMES.map((theme, index) => ({ ...theme, sortOrder: index })),
    skipDuplicates: true,
  });
  const existing = await db.statusScale.findUnique({ where: { name: DEFAULT_SCALE.name } });
  if (!existing) {
    await db.statusScale.create({
      data: {
        name: DEFAULT_SCALE.name,
        description: DEFAULT_SCALE.description,
        isDefault: true,
        statuses: {
          create: DEFAULT_SCALE.statuses.map((status, position) => ({ ...status, position })),
        },
      },
    });
  }
}

/** Demo accounts and the 2017 Alliance source with its recommendations. Idempotent. */
export async function seedDemoData(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const state = user.state ? await db.state.findUniqueOrThrow({ where: { iso2: user.state } }) : null;
    await db.user.upsert({
      where: { email: user.email },
      create: { email: user.email, name: user.name, role: user.role, stateId: state?.id ?? null, passwordHash },
      update: {},
    });
  }

  const scale = await db.statusScale.findFirstOrThrow({ where: { isDefault: true } });
  let source = await db.source.findFirst({ where: { title: ALLIANCE_2017_SOURCE.title } });
  source ??= await db.source.create({
    data: { ...ALLIANCE_2017_SOURCE, date: new Date(`${ALLIANCE_2017_SOURCE.date}T00:00:00Z`) },
  });
  const { publishRecommendation } = await import("@/server/services/recommendations/publishing");
  for (const recommendation of ALLIANCE_2017_RECOMMENDATIONS) {
    const row = await db.recommendation.upsert({
      where: { sourceId_reference: { sourceId: source.id, reference: recommendation.reference } },
      create: {
        sourceId: source.id,
        reference: recommendation.reference,
        text: recommendation.text,
        scaleId: scale.id,
        dueDate: new Date(`${recommendation.dueDate}T00:00:00Z`),
        addressAllParticipating: true,
        themes: { create: recommendation.themes.map((key) => ({ theme: { connect: { key } } })) },
      },
      update: {},
    });
    // Publishing fans the recommendation out to all 57 participating States; a second run creates nothing.
    await publishRecommendation(systemActor("seed"), { recommendationId: row.id, expectedVersion: row.version });
  }
  return { source };
}
