// The demo data `npm start` creates on a fresh embedded database (and `npm run db:seed`): the demo
// accounts and the 2017 Alliance source, published through the same service as in the app on the
// day the conference closed, then its demo history (demo-history.ts).
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import { systemActor } from "@/server/services/core/system-actor";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/services/demo-accounts";
import { publishRecommendation } from "@/server/services/recommendations/publishing";
import { ALLIANCE_2017_CLOSED, ALLIANCE_2017_RECOMMENDATIONS, ALLIANCE_2017_SOURCE } from "@/server/cli/seed/alliance-2017";
import { seedDemoHistory } from "@/server/cli/seed/demo-history";

/** Demo accounts, the 2017 Alliance source with its recommendations, and their demo history. Idempotent. */
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
  for (const recommendation of ALLIANCE_2017_RECOMMENDATIONS) {
    const row = await db.recommendation.upsert({
      where: { sourceId_reference: { sourceId: source.id, reference: recommendation.reference } },
      create: {
        sourceId: source.id,
        reference: recommendation.reference,
        text: recommendation.text,
        sourcePassage: recommendation.sourcePassage,
        sourcePassageBy: recommendation.sourcePassageBy,
        fromSpeech: recommendation.fromSpeech,
        scaleId: scale.id,
        dueDate: new Date(`${recommendation.dueDate}T00:00:00Z`),
        addressAllParticipating: true,
        themes: { create: recommendation.themes.map((key) => ({ theme: { connect: { key } } })) },
      },
      update: {},
    });
    // Publishing fans the recommendation out to all 57 participating States; a second run creates nothing.
    await publishRecommendation(systemActor("seed"), { recommendationId: row.id, expectedVersion: row.version }, ALLIANCE_2017_CLOSED);
  }
  const history = await seedDemoHistory(db);
  return { source, history };
}
