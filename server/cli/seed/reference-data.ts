// Reference data every installation needs. It imports no service (nor the database client): the
// test harness and the benchmark seed their own databases with it before DATABASE_URL is set.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "@/server/db/client";

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
